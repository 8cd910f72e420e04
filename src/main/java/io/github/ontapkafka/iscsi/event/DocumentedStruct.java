package io.github.ontapkafka.iscsi.event;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;

/**
 * Builds a Connect struct schema whose docs survive the conversion to Avro as real Avro {@code doc} attributes.
 *
 * <p>A Connect schema has no field docs of its own, and Connect's Avro converters (Confluent's and Apicurio's
 * {@code AvroData}) write a schema's {@code doc()} only as a {@code connect.doc} property that Avro tooling ignores.
 * What both converters do turn into the record's and each field's Avro {@code doc} are the struct parameters below,
 * the convention they use to round-trip Avro schemas through Connect. Every struct of the event contract is built
 * here, so no field can go without a doc.
 */
final class DocumentedStruct {

    /** Struct parameter holding the Avro record doc. */
    static final String AVRO_RECORD_DOC = "io.confluent.connect.avro.record.doc";
    /** Prefix of the struct parameters holding the Avro field docs, followed by the field name. */
    static final String AVRO_FIELD_DOC_PREFIX = "io.confluent.connect.avro.field.doc.";

    private final SchemaBuilder builder;

    private DocumentedStruct(SchemaBuilder builder) {
        this.builder = builder;
    }

    static DocumentedStruct named(String name, String doc) {
        return new DocumentedStruct(SchemaBuilder.struct().name(name).doc(doc).parameter(AVRO_RECORD_DOC, doc));
    }

    DocumentedStruct optional() {
        builder.optional();
        return this;
    }

    DocumentedStruct version(int version) {
        builder.version(version);
        return this;
    }

    /** A field documented by its own schema's doc. */
    DocumentedStruct field(String name, Schema schema) {
        if (schema.doc() == null) {
            throw new IllegalArgumentException("field " + name + " of " + builder.name() + " has no doc");
        }
        return field(name, schema.doc(), schema);
    }

    /** A field whose schema is a shared type: the doc says what this field holds. */
    DocumentedStruct field(String name, String doc, Schema schema) {
        builder.field(name, schema).parameter(AVRO_FIELD_DOC_PREFIX + name, doc);
        return this;
    }

    Schema build() {
        return builder.build();
    }
}
