package io.countersign.connectors.siem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.countersign.connectors.ConnectorException;
import tools.jackson.databind.json.JsonMapper;

/** OCSF documents appended to a file, one JSON document per line (JSON Lines); the file is only ever appended to. */
final class FileOutput implements SiemOutput {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path file;

    FileOutput(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "file:" + file;
    }

    @Override
    public int batchSize() {
        return 500;
    }

    @Override
    public Sent send(List<OcsfEvent> batch) {
        StringBuilder lines = new StringBuilder();
        batch.forEach(event -> lines.append(JSON.writeValueAsString(event.document())).append('\n'));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(false);
            }
            return new Sent.Taken();
        } catch (IOException e) {
            throw new ConnectorException("siem.file", "cannot append to " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }
}
