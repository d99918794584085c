package com.leadflow.platform.security;

import java.security.SecureRandom;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * First run: with no user at all, creates {@code admin} with the password from {@code LEADFLOW_ADMIN_PASSWORD}
 * ({@code leadflow.security.admin-password}), or a random one-time password printed once to the log. There is no
 * default password.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final UserAccounts users;

	private final String configuredPassword;

	AdminBootstrap(UserAccounts users, @Value("${leadflow.security.admin-password:}") String configuredPassword) {
		this.users = users;
		this.configuredPassword = configuredPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.any()) {
			return;
		}
		boolean generated = configuredPassword.isBlank();
		String password = generated ? oneTimePassword() : configuredPassword;
		users.create("admin", password, Set.of(Role.ADMIN), null);
		if (generated) {
			log.warn("First run: created user 'admin' with the one-time password {} (shown only now; set "
					+ "LEADFLOW_ADMIN_PASSWORD to choose it)", password);
		}
		else {
			log.info("First run: created user 'admin' with the password from LEADFLOW_ADMIN_PASSWORD");
		}
	}

	private static String oneTimePassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return password.toString();
	}
}
