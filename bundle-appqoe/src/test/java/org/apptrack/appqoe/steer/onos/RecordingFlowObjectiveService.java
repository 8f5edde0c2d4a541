package org.apptrack.appqoe.steer.onos;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.lang3.tuple.Pair;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flowobjective.FilteringObjective;
import org.onosproject.net.flowobjective.FlowObjectiveService;
import org.onosproject.net.flowobjective.ForwardingObjective;
import org.onosproject.net.flowobjective.NextObjective;

/** Records the forwarding objectives sent to it, in order, with their device. */
final class RecordingFlowObjectiveService implements FlowObjectiveService {

    /** One forward() call. */
    static final class Call {
        final DeviceId device;
        final ForwardingObjective objective;

        Call(DeviceId device, ForwardingObjective objective) {
            this.device = device;
            this.objective = objective;
        }

        @Override
        public String toString() {
            return objective.op() + " " + device + " " + objective.selector() + " " + objective.treatment();
        }
    }

    final List<Call> calls = new ArrayList<>();

    @Override
    public void forward(DeviceId deviceId, ForwardingObjective forwardingObjective) {
        calls.add(new Call(deviceId, forwardingObjective));
    }

    @Override
    public void filter(DeviceId deviceId, FilteringObjective filteringObjective) {
        throw new UnsupportedOperationException("steering uses forwarding objectives only");
    }

    @Override
    public void next(DeviceId deviceId, NextObjective nextObjective) {
        throw new UnsupportedOperationException("steering uses forwarding objectives only");
    }

    @Override
    public int allocateNextId() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void initPolicy(String policy) {
    }

    @Override
    public Map<Pair<Integer, DeviceId>, List<String>> getNextMappingsChain() {
        return Map.of();
    }

    @Override
    public List<String> getNextMappings() {
        return List.of();
    }

    @Override
    public List<String> getPendingFlowObjectives() {
        return List.of();
    }

    @Override
    public void purgeAll(DeviceId deviceId, ApplicationId appId) {
        throw new UnsupportedOperationException();
    }
}
