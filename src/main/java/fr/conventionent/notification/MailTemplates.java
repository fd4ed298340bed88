package fr.conventionent.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * Renders a mail from its Thymeleaf templates in {@code src/main/resources/mails/}:
 * <ul>
 * <li>{@code <nom>.txt} (TEXT mode): the subject on its first line, a blank line, then the text;</li>
 * <li>{@code <nom>.html} (HTML mode), optional: the HTML alternative; without it the text is laid out by
 * {@code courriel.html} (paragraphs, lists, links), so both parts always say the same thing;</li>
 * <li>{@code pied.txt} / {@code pied.html}: the one footer, added to every mail.</li>
 * </ul>
 * A file of the same name in the operator's folder ({@code convention.courriel.modeles}, {@code CONVENTION_MAILS_DIR})
 * wins over the packaged one and is read again at each mail (no rebuild, no restart). An operator's template that
 * cannot be rendered (syntax error, unknown variable) is logged and the packaged one is used: a typo never stops a
 * user's work. A packaged template that names a variable its caller does not give fails at once (a bug).
 */
@Component
public class MailTemplates {

    private static final Logger LOG = LoggerFactory.getLogger(MailTemplates.class);

    static final String PACKAGED = "mails/";
    static final String FOOTER = "pied";
    static final String LAYOUT = "courriel";
    static final String TEXT = ".txt";
    static final String HTML = ".html";

    private final Path overrides;
    private final TemplateEngine packaged;
    private final TemplateEngine withOverrides;

    public MailTemplates(@Value("${convention.courriel.modeles:}") String overrideFolder) {
        this.overrides = overrideFolder == null || overrideFolder.isBlank() ? null
                : Path.of(overrideFolder).toAbsolutePath().normalize();
        this.packaged = engine(null);
        this.withOverrides = overrides == null ? packaged : engine(overrides);
        if (overrides != null) {
            LOG.info("Modèles de courriels : ceux du dossier {} remplacent les modèles livrés de même nom",
                    overrides);
        }
    }

    /**
     * @param name      the template's name, without extension ({@code convention-reconduite})
     * @param variables every variable the template names (a {@code null} value is allowed, an absent key is not)
     */
    public MailContent render(String name, Map<String, ?> variables) {
        if (overrides != null && (overridden(name + TEXT) || overridden(name + HTML) || overridden(FOOTER + TEXT)
                || overridden(FOOTER + HTML) || overridden(LAYOUT + HTML))) {
            try {
                return render(withOverrides, true, name, variables);
            } catch (TemplateEngineException | IllegalArgumentException e) {
                LOG.error("Modèle de courriel « {} » du dossier {} inutilisable, modèle livré utilisé : {}", name,
                        overrides, e.getMessage());
            }
        }
        return render(packaged, false, name, variables);
    }

    /** The variables of a template, as name, value, name, value…; a value may be {@code null}. */
    public static Map<String, Object> variables(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("noms et valeurs attendus par paires");
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return variables;
    }

    private MailContent render(TemplateEngine engine, boolean withOverrides, String name, Map<String, ?> variables) {
        requireVariables(name + TEXT, source(name + TEXT, withOverrides), variables);
        Context context = new Context(Locale.FRANCE);
        context.setVariables(new LinkedHashMap<>(variables));

        String rendered = engine.process(name + TEXT, context).replace("\r\n", "\n");
        int endOfSubject = rendered.indexOf('\n');
        if (endOfSubject < 0) {
            throw new IllegalArgumentException("Modèle de courriel « " + name + " » : l'objet (première ligne) doit"
                    + " être suivi du texte");
        }
        String subject = rendered.substring(0, endOfSubject).strip();
        String body = rendered.substring(endOfSubject + 1).strip();
        String footer = engine.process(FOOTER + TEXT, new Context(Locale.FRANCE)).strip();
        String text = body + "\n\n" + footer + "\n";

        context.setVariable("objet", subject);
        String html;
        String htmlSource = source(name + HTML, withOverrides);
        if (htmlSource != null) {
            requireVariables(name + HTML, htmlSource, variables);
            html = engine.process(name + HTML, context);
        } else {
            context.setVariable("blocs", TextBlocks.of(body));
            html = engine.process(LAYOUT + HTML, context);
        }
        return new MailContent(subject, text, html);
    }

    /** The template's text: the operator's file when there is one (and allowed), else the packaged one. */
    String source(String file, boolean withOverrides) {
        try {
            if (withOverrides && overridden(file)) {
                return Files.readString(overrides.resolve(file), StandardCharsets.UTF_8);
            }
            try (InputStream in = MailTemplates.class.getClassLoader().getResourceAsStream(PACKAGED + file)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean overridden(String file) {
        return overrides != null && Files.isRegularFile(overrides.resolve(file));
    }

    private static void requireVariables(String file, String source, Map<String, ?> variables) {
        if (source == null) {
            throw new IllegalArgumentException("Modèle de courriel introuvable : " + file);
        }
        Set<String> missing = new TreeSet<>(TemplateVariables.named(source));
        missing.removeAll(variables.keySet());
        missing.removeAll(Set.of("objet", "blocs"));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Modèle de courriel « " + file + " » : variable(s) non fournie(s) : "
                    + String.join(", ", missing));
        }
    }

    private static TemplateEngine engine(Path overrides) {
        TemplateEngine engine = new TemplateEngine();
        if (overrides != null) {
            FileTemplateResolver files = new FileTemplateResolver();
            configure(files, overrides + "/");
            files.setCheckExistence(true);
            files.setCacheable(false); // an edited file applies to the next mail
            files.setOrder(1);
            engine.addTemplateResolver(files);
        }
        ClassLoaderTemplateResolver classpath = new ClassLoaderTemplateResolver();
        configure(classpath, PACKAGED);
        classpath.setOrder(2);
        engine.addTemplateResolver(classpath);
        return engine;
    }

    private static void configure(AbstractConfigurableTemplateResolver resolver, String prefix) {
        resolver.setPrefix(prefix);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setHtmlTemplateModePatterns(Set.of("*" + HTML));
    }
}
