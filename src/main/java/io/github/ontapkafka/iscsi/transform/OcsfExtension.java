package io.github.ontapkafka.iscsi.transform;

import org.apache.kafka.connect.data.Struct;

/**
 * The connector's private OCSF extension, shipped in the jar under {@code ocsf/extension/} in OCSF's own layout: it
 * adds the {@code ontap_iscsi} object (cluster, iSCSI session identity, EMS entry) to the Authentication class.
 *
 * <p>Its uid is <b>unregistered</b>: chosen clear of the uids OCSF's extension registry ({@code extensions.md}) lists
 * (1–3 native, 989–999 vendors, handed out downwards from 999). Its version follows the OCSF version it extends, as
 * OCSF's own Linux and Windows extensions do, so that {@code metadata.version}, which OCSF asks extended events to set
 * to the extended schema's version, is one value for both.
 */
final class OcsfExtension {

    static final String SCHEMA_VERSION = "1.5.0";
    static final String NAME = "ontap_iscsi";
    static final String UID = "742";
    static final String VERSION = SCHEMA_VERSION;
    /** The event attribute holding the extension's object. */
    static final String ATTRIBUTE = "ontap_iscsi";
    /** Where the extension's files are, in the jar and in {@code src/main/resources}. */
    static final String RESOURCE_DIRECTORY = "ocsf/extension";

    private OcsfExtension() {
    }

    /** The entry of {@code metadata.extensions} that says an event uses the extension. */
    static Struct reference() {
        return new Struct(OcsfSchemas.EXTENSION).put("name", NAME).put("uid", UID).put("version", VERSION);
    }
}
