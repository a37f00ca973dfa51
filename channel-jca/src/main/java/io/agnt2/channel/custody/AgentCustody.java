package io.agnt2.channel.custody;

import io.agnt2.protocol.agent.AgentAddress;
import io.agnt2.protocol.agent.AgentKey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of the agents this server signs channel states for, and the organisation each belongs to:
 * one {@code organisation privateKeyHex} line per agent in a file only the server's user may read. A new key is on disk (forced) before its address is handed
 * out, so an agent that has been given a channel never loses its key to a crash.
 *
 * <p>A file is the custody of the development and single-server setup; a production deployment would
 * keep these keys in a KMS or HSM behind the same three methods.
 */
public final class AgentCustody {

    private final Path file;
    /** An agent in custody: its key and the organisation it acts for. */
    public record Entry(String organization, AgentKey key) {
    }

    private final Map<AgentAddress, Entry> entries = new ConcurrentHashMap<>();

    private AgentCustody(Path file) {
        this.file = file;
    }

    /** Opens the custody file, creating it (owner read/write only) if it does not exist. */
    public static AgentCustody open(Path file) {
        AgentCustody custody = new AgentCustody(file);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split(" ");
                try {
                    if (fields.length != 2) {
                        throw new IllegalArgumentException("expected 'organisation key'");
                    }
                    AgentKey key = AgentKey.fromHex(fields[1]);
                    custody.entries.put(key.address(), new Entry(fields[0], key));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " line " + (i + 1) + " is not an agent: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open agent custody " + file, e);
        }
        return custody;
    }

    /** Makes a new agent key for {@code organization} and keeps it; returns only once the key is durable. */
    public synchronized AgentKey create(String organization) {
        if (organization == null || organization.isBlank() || organization.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("an organisation name without blanks is needed, got '" + organization + "'");
        }
        AgentKey key = AgentKey.generate();
        String line = organization + " " + key.privateKeyHex() + "\n";
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            out.write(StandardCharsets.US_ASCII.encode(line));
            out.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep a new agent key in " + file, e);
        }
        entries.put(key.address(), new Entry(organization, key));
        return key;
    }

    public Optional<Entry> entry(AgentAddress agent) {
        return Optional.ofNullable(entries.get(agent));
    }

    public Collection<AgentKey> keys() {
        return entries.values().stream().map(Entry::key).toList();
    }
}
