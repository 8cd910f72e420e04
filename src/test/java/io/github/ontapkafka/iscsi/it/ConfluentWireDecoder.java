package io.github.ontapkafka.iscsi.it;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a record's key or value as Confluent's Avro deserializer does: magic byte 0, the writer schema's id in
 * 4 bytes (big-endian), then the Avro binary body, decoded with the schema the registry serves under that id.
 */
final class ConfluentWireDecoder {

    private static final byte MAGIC_BYTE = 0;
    private static final int HEADER_LENGTH = 1 + Integer.BYTES;

    private final ConfluentRegistryApi registry;
    private final Map<Integer, Schema> schemas = new ConcurrentHashMap<>();

    ConfluentWireDecoder(ConfluentRegistryApi registry) {
        this.registry = registry;
    }

    Decoded decode(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte magic = buffer.get();
        if (magic != MAGIC_BYTE) {
            throw new IllegalArgumentException("not Confluent's wire format: magic byte " + magic);
        }
        int schemaId = buffer.getInt();
        Schema writerSchema = schemas.computeIfAbsent(schemaId, registry::schema);
        BinaryDecoder body = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH,
                null);
        try {
            GenericRecord record = new GenericDatumReader<GenericRecord>(writerSchema).read(null, body);
            if (!body.isEnd()) {
                throw new IllegalArgumentException("bytes left after the record of schema " + schemaId);
            }
            return new Decoded(schemaId, writerSchema, record);
        } catch (IOException e) {
            throw new UncheckedIOException("not an Avro record of schema " + schemaId, e);
        }
    }

    /** A key or value as it came off the wire: the id it named, the schema behind the id, the record. */
    record Decoded(int schemaId, Schema writerSchema, GenericRecord record) {
    }
}
