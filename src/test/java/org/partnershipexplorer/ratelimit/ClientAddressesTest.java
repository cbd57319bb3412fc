package org.partnershipexplorer.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("How the rate limit tells clients apart")
class ClientAddressesTest {

    @Test
    @DisplayName("an IPv4 client is its address; loopback is marked")
    void ipv4() throws UnknownHostException {
        assertEquals(new ClientAddresses.Client("203.0.113.7", false),
                ClientAddresses.of(InetAddress.getByName("203.0.113.7")));
        assertEquals(new ClientAddresses.Client("127.0.0.2", true),
                ClientAddresses.of(InetAddress.getByName("127.0.0.2")));
    }

    @Test
    @DisplayName("IPv6 clients of one /64 are one client, since each can pick any address of it")
    void ipv6CountsBySlash64() throws UnknownHostException {
        var one = ClientAddresses.of(InetAddress.getByName("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        var other = ClientAddresses.of(InetAddress.getByName("2001:db8:1:2::1"));
        assertEquals(new ClientAddresses.Client("2001:db8:1:2:0:0:0:0/64", false), one);
        assertEquals(one, other);
        assertEquals(new ClientAddresses.Client("2001:db8:1:3:0:0:0:0/64", false),
                ClientAddresses.of(InetAddress.getByName("2001:db8:1:3::1")));
        assertEquals(new ClientAddresses.Client("0:0:0:0:0:0:0:1", true), ClientAddresses.of(InetAddress.getByName("::1")));
    }
}
