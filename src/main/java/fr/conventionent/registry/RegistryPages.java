package fr.conventionent.registry;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** /registre/ opens the registry page (static/registre/index.html). */
@Configuration(proxyBeanMethods = false)
public class RegistryPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/registre", "/registre/");
        registry.addViewController("/registre/").setViewName("forward:/registre/index.html");
    }
}
