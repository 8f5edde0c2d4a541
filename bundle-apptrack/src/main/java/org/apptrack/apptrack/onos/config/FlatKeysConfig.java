package org.apptrack.apptrack.onos.config;

import java.util.Map;
import org.onosproject.core.ApplicationId;
import org.onosproject.net.config.Config;
import org.onosproject.net.config.InvalidFieldException;

/**
 * A network configuration of the application ({@code apps -> org.apptrack.apptrack -> KEY})
 * that stands for flat ConfigAdmin keys. ONOS calls {@link #isValid} before it stores a
 * configuration (REST upload, {@code onos-netcfg}), so a refused one never replaces the one in
 * force and the client gets the JSON path of the bad field.
 */
public abstract class FlatKeysConfig extends Config<ApplicationId> {

    /** The JSON path of this configuration: {@code apps.APP.KEY}. */
    public String rootPath() {
        return "apps." + (subject() == null ? "?" : subject().name()) + "." + key();
    }

    /**
     * The flat keys this JSON stands for.
     *
     * @throws InvalidFieldException when the JSON's shape is wrong (a list where an object belongs, ...)
     */
    public abstract FlatKeys flatKeys();

    /** The settings parser these keys are for; throws IllegalArgumentException starting with the key at fault. */
    public abstract void parse(Map<String, Object> properties);

    /** @throws InvalidFieldException naming the JSON path of the field at fault */
    @Override
    public boolean isValid() {
        flatKeys().check(this::parse);
        return true;
    }
}
