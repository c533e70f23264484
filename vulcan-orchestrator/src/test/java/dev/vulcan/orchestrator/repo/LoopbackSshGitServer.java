package dev.vulcan.orchestrator.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Objects;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real SSH git server on 127.0.0.1 for tests: Apache MINA sshd (the library under JGit's SSH transport) with
 * one host key, public-key authentication for exactly one client key, and {@code git-upload-pack} served by
 * JGit's {@link UploadPack} for repositories under a root folder. Clone only; no shell, no push.
 */
final class LoopbackSshGitServer implements AutoCloseable {

    private final SshServer server;

    private LoopbackSshGitServer(SshServer server) {
        this.server = server;
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param repositories folder whose sub-folders are served ({@code ssh://host:port/NAME.git})
     * @param hostKey the server's host key
     * @param allowedClientKey the only public key accepted
     * @return the running server
     */
    static LoopbackSshGitServer start(Path repositories, KeyPair hostKey, PublicKey allowedClientKey)
            throws IOException {
        Objects.requireNonNull(repositories, "repositories");
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, allowedClientKey));
        server.setCommandFactory(uploadPack(repositories));
        server.start();
        return new LoopbackSshGitServer(server);
    }

    /**
     * Returns the port the server listens on.
     *
     * @return the port
     */
    int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    private static CommandFactory uploadPack(Path repositories) {
        return (channel, command) -> {
            List<String> words = CommandFactory.split(command);
            if (words.size() != 2 || !words.get(0).equals("git-upload-pack")) {
                throw new IOException("only git-upload-pack is served, got: " + command);
            }
            String name = words.get(1).replaceAll("^/+", "");
            Path dir = repositories.resolve(name).normalize();
            if (!dir.startsWith(repositories) || !Files.isDirectory(dir)) {
                throw new IOException("no repository " + name);
            }
            return new UploadPackCommand(dir);
        };
    }

    /** Runs JGit's upload-pack on the channel's streams in its own thread. */
    private static final class UploadPackCommand implements Command {

        private final Path repository;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        UploadPackCommand(Path repository) {
            this.repository = repository;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread thread = new Thread(this::serve, "test-upload-pack");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            int status = 0;
            try (Repository repo = new FileRepositoryBuilder().setGitDir(repository.toFile()).setMustExist(true)
                    .build()) {
                new UploadPack(repo).upload(in, out, err);
                out.flush();
            } catch (IOException | RuntimeException e) {
                status = 1;
            }
            exit.onExit(status);
        }

        @Override
        public void destroy(ChannelSession channel) {
            // The upload-pack thread ends when the channel's streams close.
        }
    }
}
