package io.github.ontapkafka.iscsi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package map of the shipped code: connector → (config, event) → tracking → ontap → model, and transform → event,
 * one direction, no cycles, and each package using only the libraries it is meant to. The simulator is held to
 * standing in for ONTAP.
 */
class ArchitectureTest {

    private static final String ROOT = "io.github.ontapkafka.iscsi";

    private static JavaClasses shipped;
    private static JavaClasses simulator;

    @BeforeAll
    static void importClasses() {
        shipped = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        simulator = new ClassFileImporter().withImportOption(ArchitectureTest::isTestOutput)
                .importPackages(ROOT + ".simulator");
    }

    private static boolean isTestOutput(Location location) {
        return !ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location);
    }

    @Test
    void importsTheShippedPackagesOnly() {
        assertThat(shipped.stream().map(c -> c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0]))
                .containsOnly("connector", "config", "event", "tracking", "ontap", "model", "transform");
        assertThat(simulator).isNotEmpty();
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(shipped);
    }

    @Test
    void dependenciesPointOneWay() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("connector").definedBy(ROOT + ".connector..")
                .layer("transform").definedBy(ROOT + ".transform..")
                .layer("config").definedBy(ROOT + ".config..")
                .layer("event").definedBy(ROOT + ".event..")
                .layer("tracking").definedBy(ROOT + ".tracking..")
                .layer("ontap").definedBy(ROOT + ".ontap..")
                .layer("model").definedBy(ROOT + ".model..")
                .whereLayer("connector").mayNotBeAccessedByAnyLayer()
                .whereLayer("transform").mayNotBeAccessedByAnyLayer()
                .whereLayer("config").mayOnlyBeAccessedByLayers("connector")
                .whereLayer("event").mayOnlyBeAccessedByLayers("connector", "transform")
                .whereLayer("tracking").mayOnlyBeAccessedByLayers("connector", "config", "event")
                .whereLayer("ontap").mayOnlyBeAccessedByLayers("connector", "config", "tracking")
                .whereLayer("model").mayOnlyBeAccessedByLayers("connector", "config", "event", "tracking", "ontap");
        layers.check(shipped);
    }

    @Test
    void onlyTheConnectorConfigAndEventsKnowConnect() {
        noClasses().that().resideInAnyPackage(ROOT + ".tracking..", ROOT + ".ontap..", ROOT + ".model..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka..")
                .because("the ONTAP client and the tracking take plain settings, not Connect's config classes")
                .check(shipped);
        noClasses().that().resideInAPackage(ROOT + ".event..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.kafka.common.config..")
                .check(shipped);
    }

    @Test
    void theTransformsUseTheRecordsSchemasAndConnectsApiOnly() {
        classes().that().resideInAPackage(ROOT + ".transform..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.apache.kafka.connect..", "org.apache.kafka.common.config..",
                        ROOT + ".transform..", ROOT + ".event..")
                .because("a transform runs in any connector's worker, on records, with nothing of the connector's own")
                .check(shipped);
    }

    @Test
    void httpAndJsonStayInTheOntapClient() {
        noClasses().that().resideInAnyPackage(ROOT + ".tracking..", ROOT + ".model..", ROOT + ".event..",
                        ROOT + ".transform..")
                .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..", "com.fasterxml..")
                .check(shipped);
    }

    @Test
    void theShippedCodeHoldsNoServerAndChangesNoJvmWideSetting() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.sun.net.httpserver..").check(shipped);
        noClasses().should().callMethod(System.class, "setProperty", String.class, String.class).check(shipped);
    }

    @Test
    void theSimulatorStandsInForOntapNotForTheConnector() {
        classes().should().onlyDependOnClassesThat().resideOutsideOfPackages(ROOT + ".connector..", ROOT + ".config..",
                ROOT + ".event..", ROOT + ".tracking..", ROOT + ".ontap..").check(simulator);
    }
}
