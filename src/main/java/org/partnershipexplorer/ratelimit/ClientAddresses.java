package org.partnershipexplorer.ratelimit;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Who a request comes from, as the rate limit counts clients: the connection's address, or, behind a proxy, the
 * header the operator names in {@code micronaut.server.client-address-header} (through Micronaut's own resolver).
 * Forwarded and X-Forwarded-For are not believed unless named so: any client can send them, and would get a new
 * allowance with every invented address.
 *
 * <p>An IPv6 client counts by its /64 network: one subscriber is handed a whole /64 and can pick a new address in
 * it for every request.
 */
final class ClientAddresses {

    /** A client's key in the limiter, and whether it is on this machine. */
    record Client(String key, boolean loopback) {
    }

    private final String header;
    private final HttpClientAddressResolver resolver;

    ClientAddresses(String header, HttpClientAddressResolver resolver) {
        this.header = header;
        this.resolver = resolver;
    }

    Client of(HttpRequest<?> request) {
        if (header != null && !header.isBlank()) {
            String given = resolver.resolve(request);
            if (given == null || given.isBlank()) {
                // the proxy did not say: the proxy itself is the client
                return of(request.getRemoteAddress());
            }
            // a literal only: a name would be looked up in DNS on every request
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(given.trim());
            if (bytes == null) {
                return new Client("header:" + given.trim(), false);
            }
            try {
                return of(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return of(request.getRemoteAddress());
    }

    private static Client of(InetSocketAddress socket) {
        InetAddress address = socket.getAddress();
        return address == null ? new Client(socket.getHostString(), false) : of(address);
    }

    static Client of(InetAddress address) {
        if (address instanceof Inet6Address && !address.isLoopbackAddress()) {
            byte[] network = Arrays.copyOf(address.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            try {
                return new Client(InetAddress.getByAddress(network).getHostAddress() + "/64", false);
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return new Client(address.getHostAddress(), address.isLoopbackAddress());
    }
}
