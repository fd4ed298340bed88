package fr.conventionent.identity.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

/** The documented mapping file (config/annuaire-groupes.yaml): directory data → groups of the application. */
class GroupMappingTest {

    private final GroupMapping documented = GroupMapping.read(new FileSystemResource("config/annuaire-groupes.yaml"));

    private static DirectoryEntry person(Map<String, List<String>> attributes) {
        return new DirectoryEntry("uid=x,ou=personnels,dc=ac-versailles,dc=fr", "x", "Prénom", "Nom", null, attributes);
    }

    @Test
    void functionAndDepartementGiveTheDepartementsGroup() {
        assertThat(documented.groupsOf(person(Map.of("title", List.of("IA-DASEN"), "departmentNumber", List.of("78"))),
                Set.of())).containsExactly("dasen-78");
        assertThat(documented.groupsOf(person(Map.of("title", List.of("dasen"), "departmentNumber", List.of("92"))),
                Set.of())).as("function compared without case").containsExactly("dasen-92");
        assertThat(documented.groupsOf(person(Map.of("title", List.of("IEN TICE"), "departmentNumber", List.of("95"))),
                Set.of())).containsExactly("ien-tice-95");
    }

    @Test
    void ienGetsTheGroupOfItsCirconscription() {
        assertThat(documented.groupsOf(person(Map.of("title", List.of("IEN"), "ou", List.of("Versailles"),
                "departmentNumber", List.of("78"))), Set.of())).containsExactly("ien-circo-versailles");
    }

    @Test
    void directoryGroupsGiveTheAcademieRoles() {
        DirectoryEntry someone = person(Map.of("title", List.of("Chargée de mission")));
        assertThat(documented.groupsOf(someone, Set.of("dane"))).containsExactly("dane");
        assertThat(documented.groupsOf(someone, Set.of("cabinet-recteur", "dsi"))).containsExactlyInAnyOrder("recteur", "dsi");
        assertThat(documented.groupsOf(someone, Set.of())).isEmpty();
    }

    @Test
    void functionWithoutItsDepartementGivesNothing() {
        assertThat(documented.groupsOf(person(Map.of("title", List.of("DASEN"))), Set.of())).isEmpty();
        assertThat(documented.groupsOf(person(Map.of("title", List.of("IEN"), "ou", List.of("pas un code !"))),
                Set.of())).as("a value that cannot be part of a group id").isEmpty();
    }

    @Test
    void membersOfAGroupAreSearchedByTheRuleThatGivesIt() {
        assertThat(documented.searchesFor("dasen-78")).singleElement().satisfies(search -> {
            assertThat(search.equalities()).containsEntry("departmentNumber", List.of("78"))
                    .containsEntry("title", List.of("DASEN", "IA-DASEN"));
            assertThat(search.directoryGroup()).isNull();
        });
        assertThat(documented.searchesFor("dane")).singleElement()
                .satisfies(search -> assertThat(search.directoryGroup()).isEqualTo("dane"));
        assertThat(documented.searchesFor("commune-78646")).isEmpty();
    }

    @Test
    void aBadFileIsRefusedWithAFrenchReason() {
        assertThatThrownBy(() -> GroupMapping.read(yaml("attributs:\n  fonction: title\nregles:\n  - groupe: dasen-{dept}\n")))
                .hasMessageContaining("la règle n° 1 utilise « dept », qui n'est pas déclaré sous « attributs »");
        assertThatThrownBy(() -> GroupMapping.read(yaml("regles:\n  - groupe: daces\n")))
                .hasMessageContaining("donnerait ce groupe à tout l'annuaire");
        assertThatThrownBy(() -> GroupMapping.read(yaml("regles: []\n")))
                .hasMessageContaining("« regles » doit être une liste d'au moins une règle");
        assertThatThrownBy(() -> GroupMapping.read(new FileSystemResource("config/absent.yaml")))
                .hasMessageContaining("Fichier de correspondance des groupes de l'annuaire introuvable");
    }

    private static ByteArrayResource yaml(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "correspondance de test");
    }
}
