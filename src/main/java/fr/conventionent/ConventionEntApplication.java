package fr.conventionent;

import fr.conventionent.aaf.cli.AafCheckCommand;
import fr.conventionent.aaf.cli.AafGenerateCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ConventionEntApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "aaf-check".equals(args[0])) { System.exit(AafCheckCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out)); }
        if (args.length > 0 && "aaf-generate".equals(args[0])) { System.exit(AafGenerateCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out)); }
        SpringApplication.run(ConventionEntApplication.class, args);
    }
}
