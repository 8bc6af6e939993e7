package io.skein.queue.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import io.lettuce.core.StreamMessage;

import java.util.Map;

import org.junit.Test;

public class DeliveryTest {

    private static StreamMessage<String, String> entry(Map<String, String> body) {
        return new StreamMessage<>("stream", "1-0", body);
    }

    @Test
    public void readsAWellFormedEntry() throws Exception {
        Delivery d = Delivery.parse(entry(Map.of("v", "1", "id", "a", "task", "t", "attempt", "2", "payload", "p")));
        assertEquals(new Delivery("1-0", "a", "t", 2, "p"), d);
    }

    @Test
    public void saysWhatIsWrongWithAMalformedEntry() {
        assertEquals("unknown entry version \"null\"", error(Map.of("junk", "x")));
        assertEquals("unknown entry version \"7\"", error(Map.of("v", "7")));
        assertEquals("entry lacks the field \"payload\"", error(Map.of("v", "1", "id", "a", "task", "t",
                "attempt", "1")));
        assertEquals("attempt \"x\" is not a number", error(Map.of("v", "1", "id", "a", "task", "t", "attempt", "x",
                "payload", "")));
    }

    private static String error(Map<String, String> body) {
        return assertThrows(Delivery.Malformed.class, () -> Delivery.parse(entry(body))).getMessage();
    }
}
