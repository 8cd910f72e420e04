package io.github.ontapkafka.iscsi.config;

import io.github.ontapkafka.iscsi.fixtures.ReadmeSection;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.io.IOException;

/**
 * README's configuration reference is generated from the {@link ConfigDef}; this test fails when the two drift
 * apart. Run with {@code -Dreadme.update=true} to rewrite the README section.
 */
class ConfigReferenceTest {

    @Test
    void readmeDocumentsEveryKeyAsTheConfigDefDefinesIt() throws IOException {
        ReadmeSection.assertGenerated("config-reference", ReadmeSection.configTable(OntapSourceConfig.CONFIG_DEF));
    }
}
