package io.github.ontapkafka.iscsi.config;

import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README's configuration reference is generated from the {@link ConfigDef}; this test fails when the two drift
 * apart. Run with {@code -Dreadme.update=true} to rewrite the README section.
 */
class ConfigReferenceTest {

    private static final Path README = Path.of("README.md");
    private static final String START = "<!-- config-reference:start -->";
    private static final String END = "<!-- config-reference:end -->";

    static String markdown() {
        StringBuilder out = new StringBuilder("| Key | Type | Default | Valid values | Importance | Description |\n")
                .append("|---|---|---|---|---|---|\n");
        for (ConfigDef.ConfigKey key : OntapSourceConfig.CONFIG_DEF.configKeys().values()) {
            out.append("| `").append(key.name).append("` | ")
                    .append(key.type.toString().toLowerCase()).append(" | ")
                    .append(defaultOf(key)).append(" | ")
                    .append(key.validator == null ? "" : cell(key.validator.toString())).append(" | ")
                    .append(key.importance.toString().toLowerCase()).append(" | ")
                    .append(cell(key.documentation)).append(" |\n");
        }
        return out.toString();
    }

    private static String defaultOf(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "*required*";
        }
        if (key.defaultValue == null) {
            return "*none*";
        }
        String text = ConfigDef.convertToString(key.defaultValue, key.type);
        return text == null || text.isEmpty() ? "\"\"" : "`" + text + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    @Test
    void readmeDocumentsEveryKeyAsTheConfigDefDefinesIt() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertThat(start).as("README has the " + START + " marker").isGreaterThanOrEqualTo(0);
        assertThat(end).as("README has the " + END + " marker").isGreaterThan(start);
        String expected = "\n" + markdown();
        String actual = readme.substring(start + START.length(), end);
        if (!actual.equals(expected) && Boolean.getBoolean("readme.update")) {
            Files.writeString(README, readme.substring(0, start + START.length()) + expected + readme.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("README's configuration reference (regenerate with -Dreadme.update=true)")
                .isEqualTo(expected);
    }
}
