package org.apptrack.syslog.format;

import java.util.Locale;

/** An enum constant with the name operators write in configuration files. */
public interface ConfigNamed {

    /** The name used in configuration and shown by commands. */
    String configName();

    /** The constant whose configuration name is {@code name} (case and spaces ignored), or null. */
    static <E extends Enum<E> & ConfigNamed> E fromConfigName(Class<E> type, String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.configName().equals(n)) {
                return e;
            }
        }
        return null;
    }
}
