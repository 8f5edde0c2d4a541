package org.apptrack.apptrack.engine;

import org.apptrack.apptrack.engine.classify.ApplicationClassifier;
import org.apptrack.apptrack.engine.zone.SecurityZones;
import org.apptrack.apptrack.log.SessionLogEmitter;
import org.apptrack.apptrack.model.SessionModel;
import org.apptrack.syslog.api.SecurityLogService;

/** An engine with its session model and log emitter wired as the runtime wires them, for tests. */
final class LoggedEngine {

    final AppTrackEngine engine;
    final SessionModel model;
    final SessionLogEmitter emitter;

    LoggedEngine(EngineSettings settings, SecurityZones zones, ApplicationClassifier classifier, SecurityLogService log,
                 boolean logCreate, boolean logClose) {
        emitter = new SessionLogEmitter(log, logCreate, logClose);
        engine = classifier == null ? new AppTrackEngine(settings, emitter, zones)
                : new AppTrackEngine(settings, emitter, zones, classifier);
        model = new SessionModel(engine, zones);
        emitter.bind(engine, model);
    }
}
