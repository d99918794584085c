package com.leadflow.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The machine's own Chromium and chromedriver (Debian: {@code apt-get install chromium chromium-driver}), headless.
 * Both are found by path, so Selenium never downloads a browser or a driver. {@code LEADFLOW_CHROMIUM} and
 * {@code LEADFLOW_CHROMEDRIVER} point at others.
 */
final class SystemChromium {

	static final String MISSING = "No Chromium and chromedriver found (looked at $LEADFLOW_CHROMIUM/$LEADFLOW_CHROMEDRIVER, "
			+ "/usr/bin and the PATH): the browser tests cannot run. Install them with "
			+ "`apt-get install chromium chromium-driver` (./leadflow test does so, or stops when it cannot).";

	private SystemChromium() {
	}

	static Optional<Path> browser() {
		return find("LEADFLOW_CHROMIUM", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
	}

	static Optional<Path> driver() {
		return find("LEADFLOW_CHROMEDRIVER", "chromedriver");
	}

	static boolean available() {
		return browser().isPresent() && driver().isPresent();
	}

	/** A fresh headless browser with its own profile directory (removed by the caller with {@link #quit}). */
	static ChromeDriver start(Path profile) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(browser().orElseThrow().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--lang=en-US", "--window-size=1280,800", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver().orElseThrow().toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	/** Emulates a screen of this size (CSS pixels), e.g. a 390 × 844 phone. */
	static void screen(ChromeDriver driver, int width, int height, boolean mobile) {
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
	}

	/** A PNG of the whole page at the current width (the emulated screen grows to the page's height meanwhile). */
	static void screenshot(ChromeDriver driver, Path file, int width, int height, boolean mobile) {
		long pageHeight = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
		screen(driver, width, (int) Math.min(Math.max(height, pageHeight), 6000), mobile);
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			screen(driver, width, height, mobile);
		}
	}

	private static Optional<Path> find(String variable, String... names) {
		List<Path> candidates = new ArrayList<>();
		String given = System.getenv(variable);
		if (given != null && !given.isBlank()) {
			candidates.add(Path.of(given));
		}
		List<String> dirs = new ArrayList<>(List.of("/usr/bin", "/usr/local/bin"));
		dirs.addAll(List.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)));
		for (String name : names) {
			for (String dir : dirs) {
				if (!dir.isBlank()) {
					candidates.add(Path.of(dir, name));
				}
			}
		}
		return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
	}
}
