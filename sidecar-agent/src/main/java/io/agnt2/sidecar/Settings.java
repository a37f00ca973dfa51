package io.agnt2.sidecar;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Named settings such as {@code agnt2.sidecar.listen-port}, looked up in this order: a
 * {@code --agnt2.sidecar.listen-port=...} argument, the system property, then the environment variable
 * {@code AGNT2_SIDECAR_LISTEN_PORT} (upper case, dots and dashes as underscores).
 */
public final class Settings {

    private final String[] args;
    private final Properties properties;
    private final Map<String, String> environment;

    public Settings(String[] args, Properties properties, Map<String, String> environment) {
        this.args = args.clone();
        this.properties = properties;
        this.environment = environment;
    }

    /** Arguments, system properties and environment of this process. */
    public static Settings of(String[] args) {
        return new Settings(args, System.getProperties(), System.getenv());
    }

    public Optional<String> find(String name) {
        String prefix = "--" + name + "=";
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return Optional.of(arg.substring(prefix.length()));
            }
        }
        String property = properties.getProperty(name);
        if (property != null && !property.isBlank()) {
            return Optional.of(property);
        }
        String variable = environment.get(environmentName(name));
        return variable == null || variable.isBlank() ? Optional.empty() : Optional.of(variable);
    }

    public String get(String name, String defaultValue) {
        return find(name).orElse(defaultValue);
    }

    /** @throws IllegalArgumentException naming the setting, its property and its variable */
    public String require(String name, String meaning) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(name + " is not set (" + meaning
                + "): pass --" + name + "=..., -D" + name + "=... or " + environmentName(name) + "=..."));
    }

    public int getInt(String name, int defaultValue) {
        String value = get(name, Integer.toString(defaultValue));
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer, got \"" + value + "\"");
        }
    }

    static String environmentName(String name) {
        return name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
