package org.apptrack.apptrack.offload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.DeviceId;
import org.onosproject.net.flow.DefaultFlowEntry;
import org.onosproject.net.flow.FlowEntry;
import org.onosproject.net.flow.FlowRule;
import org.onosproject.net.flow.FlowRuleEvent;
import org.onosproject.net.flow.FlowRuleListener;
import org.onosproject.net.flow.FlowRuleOperation;
import org.onosproject.net.flow.FlowRuleOperations;
import org.onosproject.net.flow.FlowRuleServiceAdapter;

/**
 * One switch's (or several switches') flow tables behind ONOS's FlowRuleService: rules are added
 * at once, their statistics set by the test, and their removal (by an app, or by the switch's idle
 * timeout) reported to the listeners with the final counts, as ONOS reports RULE_REMOVED.
 */
final class FakeFlowRules extends FlowRuleServiceAdapter {

    private final Map<Long, DefaultFlowEntry> entries = new LinkedHashMap<>();
    private final List<FlowRuleListener> listeners = new ArrayList<>();
    /** Whether the switch refuses the batches given to {@link #apply} (as a full table or a bad match would). */
    boolean refuse;
    /** Whether reading the flow tables fails (as ONOS's store can, in a partition). */
    boolean failReads;

    @Override
    public void apply(FlowRuleOperations ops) {
        if (refuse) {
            ops.callback().onError(ops);
            return;
        }
        for (var stage : ops.stages()) {
            for (FlowRuleOperation op : stage) {
                if (op.type() == FlowRuleOperation.Type.REMOVE) {
                    removeFlowRules(op.rule());
                } else {
                    applyFlowRules(op.rule());
                }
            }
        }
        ops.callback().onSuccess(ops);
    }

    @Override
    public void applyFlowRules(FlowRule... rules) {
        for (FlowRule r : rules) {
            entries.put(r.id().value(), new DefaultFlowEntry(r, FlowEntry.FlowEntryState.ADDED, 0, 0, 0));
        }
    }

    @Override
    public void removeFlowRules(FlowRule... rules) {
        for (FlowRule r : rules) {
            expire(r.id().value());
        }
    }

    /** The switch removes the rule (idle timeout): RULE_REMOVED with its last counts. */
    void expire(long id) {
        DefaultFlowEntry e = entries.remove(id);
        if (e != null) {
            e.setState(FlowEntry.FlowEntryState.REMOVED);
            for (FlowRuleListener l : List.copyOf(listeners)) {
                l.event(new FlowRuleEvent(FlowRuleEvent.Type.RULE_REMOVED, e));
            }
        }
    }

    void counts(long id, long packets, long bytes) {
        DefaultFlowEntry e = entries.get(id);
        e.setPackets(packets);
        e.setBytes(bytes);
    }

    @Override
    public Iterable<FlowEntry> getFlowEntries(DeviceId deviceId) {
        List<FlowEntry> r = new ArrayList<>();
        for (DefaultFlowEntry e : entries.values()) {
            if (e.deviceId().equals(deviceId)) {
                r.add(e);
            }
        }
        return r;
    }

    @Override
    public Iterable<FlowEntry> getFlowEntriesById(ApplicationId id) {
        if (failReads) {
            throw new IllegalStateException("flow store unavailable");
        }
        List<FlowEntry> r = new ArrayList<>();
        for (DefaultFlowEntry e : entries.values()) {
            if (e.appId() == id.id()) {
                r.add(e);
            }
        }
        return r;
    }

    /** Rules of one app on one device. */
    List<FlowEntry> rulesOf(ApplicationId app, DeviceId device) {
        List<FlowEntry> r = new ArrayList<>();
        for (FlowEntry e : getFlowEntries(device)) {
            if (e.appId() == app.id()) {
                r.add(e);
            }
        }
        return r;
    }

    @Override
    public int getFlowRuleCount() {
        return entries.size();
    }

    @Override
    public void addListener(FlowRuleListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(FlowRuleListener listener) {
        listeners.remove(listener);
    }
}
