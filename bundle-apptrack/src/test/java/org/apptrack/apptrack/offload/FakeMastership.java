package org.apptrack.apptrack.offload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onosproject.mastership.MastershipEvent;
import org.onosproject.mastership.MastershipInfo;
import org.onosproject.mastership.MastershipListener;
import org.onosproject.mastership.MastershipServiceAdapter;
import org.onosproject.net.DeviceId;
import org.onosproject.net.MastershipRole;

/** One node's view of mastership: the devices it masters, and MASTER_CHANGED events to its listeners. */
final class FakeMastership extends MastershipServiceAdapter {

    private final Set<DeviceId> mastered = new HashSet<>();
    private final List<MastershipListener> listeners = new ArrayList<>();

    @Override
    public MastershipRole getLocalRole(DeviceId deviceId) {
        return mastered.contains(deviceId) ? MastershipRole.MASTER : MastershipRole.STANDBY;
    }

    /** This node masters {@code device} (true) or no longer does, and hears MASTER_CHANGED. */
    void master(DeviceId device, boolean local) {
        if (local) {
            mastered.add(device);
        } else {
            mastered.remove(device);
        }
        MastershipEvent e = new MastershipEvent(MastershipEvent.Type.MASTER_CHANGED, device, new MastershipInfo());
        for (MastershipListener l : List.copyOf(listeners)) {
            l.event(e);
        }
    }

    void masterQuietly(DeviceId device) {
        mastered.add(device);
    }

    @Override
    public void addListener(MastershipListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(MastershipListener listener) {
        listeners.remove(listener);
    }
}
