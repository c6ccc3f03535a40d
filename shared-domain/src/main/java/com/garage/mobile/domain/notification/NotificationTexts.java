package com.garage.mobile.domain.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The words of every notification, per language ({@code notifications/texts_<language>.properties}).
 * A language we lack, or a text not yet translated, falls back to English.
 */
@ApplicationScoped
public class NotificationTexts {

    public static final String FALLBACK = "en";
    private static final List<String> LANGUAGES = List.of("en", "de");

    private final Map<String, Properties> byLanguage = new HashMap<>();

    public NotificationTexts() {
        LANGUAGES.forEach(language -> byLanguage.put(language, load(language)));
    }

    /** The language we write in for a BCP 47 tag: its primary language if we have it, else English. */
    public String language(String tag) {
        if (tag == null) {
            return FALLBACK;
        }
        String primary = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return byLanguage.containsKey(primary) ? primary : FALLBACK;
    }

    /** The text under {@code key}, with each {@code {name}} replaced by its value. */
    public String render(String language, String key, Map<String, String> values) {
        String template = byLanguage.get(language).getProperty(key, byLanguage.get(FALLBACK).getProperty(key));
        if (template == null) {
            throw new IllegalStateException("No notification text " + key);
        }
        String text = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    private static Properties load(String language) {
        String resource = "notifications/texts_" + language + ".properties";
        try (InputStream in = NotificationTexts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            Properties texts = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            return texts;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }
}
