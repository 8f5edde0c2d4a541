package org.apptrack.appqoe.testing;

import java.util.ArrayList;
import java.util.List;
import org.apptrack.appqoe.api.AppQoeService;
import org.apptrack.appqoe.api.ApplicationPath;
import org.apptrack.appqoe.api.PathStatus;
import org.apptrack.appqoe.api.PathSwitch;
import org.apptrack.appqoe.api.ProbeStatus;

/** An AppQoeService over lists the test fills, recording the limit asked of switches (for the console and REST tests). */
public final class FakeAppQoeService implements AppQoeService {

    public boolean enabled = true;
    public String actuator = "none";
    public boolean steering;
    public String actuatorError = "";
    public String configurationError = "";
    public final List<PathStatus> paths = new ArrayList<>();
    public final List<ApplicationPath> applications = new ArrayList<>();
    public final List<ProbeStatus> probes = new ArrayList<>();
    public final List<PathSwitch> switches = new ArrayList<>();
    public int lastSwitchLimit = -1;

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public String actuator() {
        return actuator;
    }

    @Override
    public boolean steering() {
        return steering;
    }

    @Override
    public String actuatorError() {
        return actuatorError;
    }

    @Override
    public List<PathStatus> paths() {
        return List.copyOf(paths);
    }

    @Override
    public List<ApplicationPath> applications() {
        return List.copyOf(applications);
    }

    @Override
    public List<ProbeStatus> probes() {
        return List.copyOf(probes);
    }

    @Override
    public List<PathSwitch> switches(int limit) {
        lastSwitchLimit = limit;
        return List.copyOf(switches.subList(0, Math.min(limit, switches.size())));
    }

    @Override
    public String configurationError() {
        return configurationError;
    }
}
