package io.skein.broker.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ServerRecordTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void writtenRecordReadsBackTheSame() throws Exception {
        ServerRecord record = new ServerRecord(123, 456, Path.of("/d/redis.sock"), 0, Path.of("/d/bin/redis-server"),
                "6.2.11", Instant.parse("2026-12-03T10:15:30Z"));
        Path file = temp.getRoot().toPath().resolve("broker.record");
        Files.writeString(file, record.format());

        assertEquals(record, ServerRecord.read(file));
        assertEquals("unix:/d/redis.sock", record.endpoint());
    }

    @Test
    public void tcpRecordHasALoopbackEndpoint() {
        ServerRecord record = new ServerRecord(1, 2, null, 40123, Path.of("/r"), "", Instant.EPOCH);
        assertEquals("tcp:127.0.0.1:40123", record.endpoint());
    }

    @Test
    public void missingRecordIsNoRecord() throws Exception {
        assertNull(ServerRecord.read(temp.getRoot().toPath().resolve("none")));
    }

    @Test
    public void damagedRecordSaysWhatIsWrong() throws Exception {
        Path file = temp.newFile("broker.record").toPath();
        Files.writeString(file, "server.pid=12x\nhost.pid=1\nexecutable=/r\nstarted=2026-12-03T10:15:30Z\n");
        ServerRecord.RecordException error = assertThrows(ServerRecord.RecordException.class,
                () -> ServerRecord.read(file));
        assertEquals(file + " is damaged: For input string: \"12x\"", error.getMessage());
    }
}
