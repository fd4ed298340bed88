package fr.conventionent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ConventionEntApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConventionEntApplication.class, args);
    }
}
