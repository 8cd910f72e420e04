package io.github.ontapkafka.iscsi.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.utils.converter.avro.AvroData;
import io.apicurio.registry.utils.converter.avro.AvroDataConfig;
import io.github.ontapkafka.iscsi.transform.ToEcs;
import io.github.ontapkafka.iscsi.transform.ToOcsf;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.Transformation;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A session event or EMS record as a SIEM receives it: the record read back from Avro as a sink connector reads it,
 * put through the plugin's OCSF or ECS transform with {@code output=map}, printed as one JSON document.
 */
final class SiemLine {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Transformation<SourceRecord> transform;
    private final AvroData avro = new AvroData(new AvroDataConfig(Map.of(AvroDataConfig.CONNECT_META_DATA_CONFIG,
            "false")));

    private SiemLine(Transformation<SourceRecord> transform) {
        this.transform = transform;
        transform.configure(Map.of("output", "map"));
    }

    /** @param form {@code ocsf} or {@code ecs} */
    static SiemLine of(String form) {
        return new SiemLine(form.equals("ocsf") ? new ToOcsf<>() : new ToEcs<>());
    }

    String format(GenericRecord record) {
        SchemaAndValue value = avro.toConnectData(record.getSchema(), record);
        SourceRecord transformed = transform.apply(new SourceRecord(null, null, "demo", null, null, null,
                value.schema(), value.value()));
        try {
            return JSON.writeValueAsString(transformed.value());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
