package org.yidan.platform;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The demo's listening address: loopback unless told otherwise, and nothing but an address reaches asadmin. */
class EmbeddedStackTest {

    @Test
    void theDemoListensOnLoopbackUnlessToldOtherwise() {
        assertEquals("127.0.0.1", EmbeddedStack.LOOPBACK);
        assertEquals("set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=127.0.0.1", EmbeddedStack.bindCommand(EmbeddedStack.LOOPBACK));
        assertEquals("set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=0.0.0.0", EmbeddedStack.bindCommand("0.0.0.0"));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedStack.bindCommand("127.0.0.1\ndeploy x.war"));
    }
}
