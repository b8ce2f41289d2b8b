package io.gongzhi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in front of a database server that a test can take away and bring back, as an
 * outage would: {@link #off()} refuses new connections and cuts the open ones (a stopped server),
 * {@link #silence()} keeps every connection open but lets nothing through (a server that hangs, or
 * a network that drops packets), {@link #on()} serves again on the same port.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { ON, OFF, SILENT }

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile Mode mode = Mode.ON;
    private volatile ServerSocket listener;
    private final int port;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        accept(listener);
    }

    /** A proxy on a free port of this machine's loopback address, forwarding to {@code host:port}. */
    public static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    public int port() {
        return port;
    }

    /** Connections are refused, and those open are cut. */
    public synchronized void off() {
        mode = Mode.OFF;
        closeQuietly(listener);
        cutAll();
    }

    /** Connections are taken and kept, but nothing passes either way. */
    public synchronized void silence() {
        mode = Mode.SILENT;
    }

    /** Serving again; connections held in silence are cut, as their server forgot them meanwhile. */
    public synchronized void on() throws IOException {
        if (mode == Mode.SILENT) {
            cutAll();
        }
        if (listener.isClosed()) {
            listener = listen(port);
            accept(listener);
        }
        mode = Mode.ON;
    }

    @Override
    public synchronized void close() {
        mode = Mode.OFF;
        closeQuietly(listener);
        cutAll();
    }

    private static ServerSocket listen(int port) throws IOException {
        var socket = new ServerSocket();
        // the port is taken again at once when the proxy comes back on
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void accept(ServerSocket on) {
        daemon("tcp-proxy-accept-" + port, () -> {
            while (!on.isClosed()) {
                Socket client;
                try {
                    client = on.accept();
                } catch (IOException stopped) {
                    return;
                }
                open.add(client);
                if (mode == Mode.SILENT) {
                    continue;
                }
                Socket server = new Socket();
                open.add(server);
                try {
                    server.connect(target, 5_000);
                    pump(client, server);
                    pump(server, client);
                } catch (IOException refused) {
                    // the server behind is gone: the client sees its connection end
                    forget(client);
                    forget(server);
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        daemon("tcp-proxy-pump-" + port, () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (mode == Mode.SILENT) {
                        continue;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException cut) {
                // one side went away: the other goes too
            } finally {
                forget(from);
                forget(to);
            }
        });
    }

    private void forget(Socket s) {
        closeQuietly(s);
        open.remove(s);
    }

    private void cutAll() {
        for (Socket s : open) {
            try {
                // reset at once rather than linger half-closed, which would keep the port from being taken again
                s.setSoLinger(true, 0);
            } catch (IOException alreadyClosed) {
                // nothing to cut
            }
            closeQuietly(s);
        }
        open.clear();
    }

    private static void daemon(String name, Runnable work) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already gone
        }
    }
}
