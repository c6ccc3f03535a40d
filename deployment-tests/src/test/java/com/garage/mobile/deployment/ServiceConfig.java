package com.garage.mobile.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a BFF serves and reads in production, straight from its configuration files: the shared defaults in
 * shared-domain and the BFF's own application.properties, which wins.
 */
final class ServiceConfig {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    private final String bff;
    private final Properties properties = new Properties();

    private ServiceConfig(String bff) {
        this.bff = bff;
        load(Kustomize.REPO.resolve("shared-domain/src/main/resources/META-INF/microprofile-config.properties"));
        load(Kustomize.REPO.resolve(bff + "/src/main/resources/application.properties"));
    }

    static ServiceConfig of(String bff) {
        return new ServiceConfig(bff);
    }

    /** A property as the prod profile sees it. */
    String prod(String name) {
        String value = properties.getProperty("%prod." + name, properties.getProperty(name));
        if (value == null) {
            throw new AssertionError(bff + " does not configure " + name);
        }
        return value;
    }

    int httpPort() {
        return Integer.parseInt(prod("quarkus.http.port"));
    }

    Duration prodDuration(String name) {
        return Duration.parse("PT" + prod(name).toUpperCase());
    }

    /** Environment variables the prod profile reads ({@code ${NAME}} or {@code ${NAME:default}}). */
    Set<String> environmentVariables() {
        return variables(false);
    }

    /** Those without a default: a pod without them does not start. */
    Set<String> requiredEnvironmentVariables() {
        return variables(true);
    }

    private Set<String> variables(boolean requiredOnly) {
        Set<String> names = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            boolean otherProfile = key.startsWith("%") && !key.startsWith("%prod.");
            if (otherProfile || properties.containsKey("%prod." + key)) {
                continue;
            }
            Matcher expression = EXPRESSION.matcher(properties.getProperty(key));
            while (expression.find()) {
                if (!requiredOnly || expression.group(2) == null) {
                    names.add(expression.group(1));
                }
            }
        }
        return names;
    }

    private void load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
