package fr.conventionent.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.spring.boot.starter.property.WebappProperty;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tasklist in French: our fr.json covers the 7.24 English locale, and our config.js makes French the
 * language of every user. Plain JUnit: the English locale and the default config.js are read from
 * the camunda-webapp-webjar on the test classpath.
 */
class TasklistFrenchLocaleTest {

    private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
    private static final String EN_JSON = TASKLIST + "locales/en.json";
    private static final String CONFIG_JS = TASKLIST + "scripts/config.js";
    private static final Path OUR_TASKLIST = Path.of("src/main/resources").resolve(TASKLIST);

    /** {{ name }} placeholders (spaces ignored), moment's %d/%s, HTML tags and entities. */
    private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}|%[ds]|<[^<>]+>|&\\w+;");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEnglishKeyHasAFrenchValueWithTheSamePlaceholders() throws IOException {
        Map<String, String> english = flatten(json.readTree(stripBom(jarText(EN_JSON))));
        Map<String, String> french = flatten(json.readTree(Files.readString(OUR_TASKLIST.resolve("locales/fr.json"))));

        assertThat(english).hasSizeGreaterThan(400); // 412 labels + dateLocales in 7.24.0
        assertThat(french.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        english.forEach((key, en) -> {
            String fr = french.get(key);
            assertThat(fr).as("fr value of %s", key).isNotBlank();
            assertThat(tokens(fr)).as("placeholders, tags and entities of %s (en: %s)", key, en)
                    .containsExactlyInAnyOrderElementsOf(tokens(en));
        });
        assertThat(french.get("dateLocales.week.dow")).isEqualTo(english.get("dateLocales.week.dow"));
        assertThat(french.get("dateLocales.week.doy")).isEqualTo(english.get("dateLocales.week.doy"));
    }

    @Test
    void frenchTypographyIsConsistent() throws IOException {
        Map<String, String> french = flatten(json.readTree(Files.readString(OUR_TASKLIST.resolve("locales/fr.json"))));
        // a non-breaking space (U+00A0) before ':' and a narrow one (U+202F) before ';', '?' and '!';
        // ’ for apostrophes, « » with non-breaking spaces for quotes
        Pattern unspacedPunctuation = Pattern.compile("[^\\u00a0\\u202f][:;?!](?=\\s|$)");
        french.forEach((key, fr) -> {
            String text = TOKEN.matcher(fr).replaceAll("");
            assertThat(text).as(key).doesNotContain(" :", " ;", " ?", " !", "'", "\"", "« ", " »");
            assertThat(unspacedPunctuation.matcher(text).find()).as("%s: %s", key, fr).isFalse();
            assertThat(text).as(key).doesNotContain("\u00a0;", "\u00a0?", "\u00a0!", "\u202f:");
        });
    }

    @Test
    void configMakesFrenchTheLanguageOfEveryBrowser() throws IOException {
        String config = withoutComments(Files.readString(OUR_TASKLIST.resolve("scripts/config.js")));
        List<String> available = quoted(find(config, "availableLocales\\s*:\\s*\\[([^\\]]*)]"));
        String fallback = String.join("", quoted(find(config, "fallbackLocale\\s*:\\s*('[^']*'|\"[^\"]*\")")));

        assertThat(available).contains("fr");
        assertThat(fallback).isEqualTo("fr");
        // the 7.24 rule (camunda-tasklist-bootstrap.js, determinePreferredLanguage): first browser
        // language if available, else the fallback
        for (String browser : List.of("en-US", "en", "fr-FR", "de-DE", "")) {
            String primary = browser.split("-")[0].toLowerCase();
            String chosen = available.contains(primary) ? primary : fallback;
            assertThat(chosen).as("language chosen for a browser in '%s'", browser).isEqualTo("fr");
        }
        // Tasklist reports an error for a declared locale without a file
        for (String locale : available) {
            assertThat(getClass().getClassLoader().getResource(TASKLIST + "locales/" + locale + ".json"))
                    .as("locale file for %s", locale).isNotNull();
        }
    }

    @Test
    void configKeepsTheDefaultKeyboardShortcuts() throws IOException {
        String ours = withoutComments(Files.readString(OUR_TASKLIST.resolve("scripts/config.js")));
        String jars = withoutComments(jarText(CONFIG_JS));
        Matcher shortcut = Pattern.compile("(\\w+)\\s*:\\s*\\{\\s*key\\s*:\\s*'([^']+)'").matcher(jars);
        int count = 0;
        while (shortcut.find()) {
            count++;
            assertThat(ours).containsPattern(shortcut.group(1) + "\\s*:\\s*\\{\\s*key\\s*:\\s*'"
                    + Pattern.quote(shortcut.group(2)) + "'");
        }
        assertThat(count).isEqualTo(5);
    }

    /**
     * The starter maps /camunda/app/** to "classpath:" + webjarClasspath + "/app/"; a classpath
     * resource resolves to the first match on the class path, and target/classes (BOOT-INF/classes in
     * the fat jar) precedes the dependency jars, so our config.js is the one served.
     */
    @Test
    void ourConfigOverridesTheWebjarOne() throws IOException {
        List<URL> all = Collections.list(getClass().getClassLoader().getResources(CONFIG_JS));
        assertThat(all).hasSize(2);
        assertThat(all.get(0).getProtocol()).isEqualTo("file");
        assertThat(all.get(1).toString()).startsWith("jar:").contains("camunda-webapp-webjar");

        String location = "classpath:" + new WebappProperty().getWebjarClasspath() + "/app/";
        Resource served = new ClassPathResource(location.substring("classpath:".length()))
                .createRelative("tasklist/scripts/config.js");
        String servedText;
        try (InputStream in = served.getInputStream()) {
            servedText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(servedText).isEqualTo(Files.readString(OUR_TASKLIST.resolve("scripts/config.js")));
        assertThat(servedText).isNotEqualTo(jarText(CONFIG_JS));
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), flat));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(path, node.asText());
        }
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group(1) != null ? "{{" + m.group(1) + "}}" : m.group());
        }
        return tokens;
    }

    /** The webjar's copy: the last match on the class path (ours, if any, comes first). */
    private String jarText(String name) throws IOException {
        List<URL> urls = Collections.list(getClass().getClassLoader().getResources(name));
        URL jar = urls.stream().filter(u -> u.toString().contains("camunda-webapp-webjar")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not found in camunda-webapp-webjar"));
        try (InputStream in = jar.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String withoutComments(String js) {
        return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("config.js declares %s", regex).isTrue();
        String found = m.group(1);
        assertThat(m.find()).as("config.js declares %s only once", regex).isFalse();
        return Objects.requireNonNull(found);
    }

    private static List<String> quoted(String text) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"").matcher(text);
        while (m.find()) {
            values.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return values;
    }
}
