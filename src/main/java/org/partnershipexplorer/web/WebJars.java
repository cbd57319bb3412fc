package org.partnershipexplorer.web;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/** The WebJar versions the build packaged, and pages whose {@code {{name}}} placeholders name them. */
@Singleton
public final class WebJars {

    private final ResourceResolver resources;
    private final Properties versions = new Properties();

    WebJars(ResourceResolver resources) {
        this.resources = resources;
        try (InputStream in = resources.getResourceAsStream("classpath:webjars.properties")
                .orElseThrow(() -> new IllegalStateException("webjars.properties is missing"))) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page from {@code classpath:web/} with its placeholders filled in. */
    public String page(String name, Map<String, String> values) {
        String text;
        try (InputStream in = resources.getResourceAsStream("classpath:web/" + name)
                .orElseThrow(() -> new IllegalStateException("web/" + name + " is missing"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : versions.stringPropertyNames()) {
            text = text.replace("{{" + key + "}}", versions.getProperty(key));
        }
        for (var entry : values.entrySet()) {
            text = text.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        return text;
    }
}
