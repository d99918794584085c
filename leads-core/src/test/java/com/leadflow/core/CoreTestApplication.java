package com.leadflow.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the core module alone (with its migrations) for its tests. */
@SpringBootApplication
public class CoreTestApplication {
}
