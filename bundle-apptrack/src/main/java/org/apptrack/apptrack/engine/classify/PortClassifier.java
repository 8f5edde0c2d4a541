package org.apptrack.apptrack.engine.classify;

import java.nio.ByteBuffer;
import org.apptrack.apptrack.engine.catalog.PortServiceMap;
import org.apptrack.apptrack.engine.session.SessionSideTable;
import org.apptrack.apptrack.engine.session.SessionTable;

/**
 * The classifier until application identification lands: the application the well-known server
 * port suggests ({@link PortServiceMap}), decided when the session is created, no packet
 * inspection. Application ids are the port map's entry indices.
 */
public final class PortClassifier implements ApplicationClassifier, ApplicationCatalog {

    private final PortServiceMap services;
    private ClassifierContext context;

    public PortClassifier(PortServiceMap services) {
        this.services = services;
    }

    @Override
    public void bind(ClassifierContext engine) {
        this.context = engine;
    }

    /** The port's application; a port cannot see encryption, so it is logged as not encrypted. */
    @Override
    public boolean sessionCreated(int session) {
        SessionTable table = context.table();
        int id = services.lookup(table.protocol(session), table.serverPort(session), table.clientPort(session));
        context.side().setApplicationId(session, id);
        context.side().setEncrypted(session, SessionSideTable.ENCRYPTED_NO);
        if (id != 0) {
            context.side().setIdentifiedBy(session, SessionSideTable.IDENTIFIED_BY_PORT);
        }
        return false;
    }


    @Override
    public boolean inspect(int session, ClassificationState state, boolean fromClient, ByteBuffer frame,
                           int payloadOffset, int payloadLength) {
        return false;
    }

    @Override
    public ApplicationCatalog catalog() {
        return this;
    }

    @Override
    public String application(int id) {
        return services.entry(id).application();
    }

    @Override
    public String category(int id) {
        return services.entry(id).category();
    }

    @Override
    public String subCategory(int id) {
        return services.entry(id).subCategory();
    }
}
