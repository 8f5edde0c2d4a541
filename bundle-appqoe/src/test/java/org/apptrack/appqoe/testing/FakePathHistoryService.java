package org.apptrack.appqoe.testing;

import java.util.ArrayList;
import java.util.List;
import org.apptrack.appqoe.api.PathHistory;
import org.apptrack.appqoe.api.PathHistoryService;

/** A PathHistoryService over a list the test fills, recording what it was asked (for the REST tests). */
public final class FakePathHistoryService implements PathHistoryService {

    public final List<PathHistory> paths = new ArrayList<>();
    public String lastGroup;
    public Window lastWindow;

    @Override
    public List<PathHistory> history(String group, Window window) {
        lastGroup = group;
        lastWindow = window;
        List<PathHistory> out = new ArrayList<>();
        for (PathHistory h : paths) {
            if (group == null || group.equals(h.group())) {
                out.add(h);
            }
        }
        return out;
    }
}
