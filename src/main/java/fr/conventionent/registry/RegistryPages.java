package fr.conventionent.registry;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages under /registre/, at their usual addresses: Thymeleaf templates (templates/registre/) that share the DSFR
 * header and footer of templates/dsfr.html, rendered on the server so they need no script to show them.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryPages implements WebMvcConfigurer {

    static final List<String> PAGES = List.of("index", "campagnes", "tableau-de-bord", "delegations");

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/registre", "/registre/");
        registry.addViewController("/registre/").setViewName("registre/index");
        PAGES.forEach(page -> registry.addViewController("/registre/" + page + ".html").setViewName("registre/" + page));
    }
}
