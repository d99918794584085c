/**
 * Platform glue of the runnable app: the embedded PostgreSQL bootstrap, RFC 9457 problem details for every error,
 * request logging with a correlation id. Holds no business logic; every module may rely on it being present.
 */
@ApplicationModule(displayName = "Platform")
package com.leadflow.platform;

import org.springframework.modulith.ApplicationModule;
