package dev.vulcan.orchestrator.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vulcan.core.ids.CanonicalIds;
import dev.vulcan.orchestrator.TestRepos;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clones over SSH for real: a loopback SSH git server (Apache MINA sshd + JGit upload-pack), a key pair and a
 * known_hosts file generated in a temporary SSH folder, and {@link RepoResolver} with {@link SshSettings} pointing
 * there. The failure tests are bounded by {@link Timeout} so that a hang fails the test instead of blocking it.
 */
class RepoResolverSshTest {

    private static final Duration CLONE_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    private Path sshDir;
    private Path served;
    private String tip;
    private KeyPair hostKey;
    private KeyPair clientKey;

    @BeforeEach
    void setUp() throws Exception {
        sshDir = Files.createDirectories(tmp.resolve("home").resolve(".ssh"));
        served = Files.createDirectories(tmp.resolve("served"));
        Path work = tmp.resolve("work");
        try (Git git = TestRepos.init(work, "trunk", Map.of("README.md", "# over ssh"))) {
            tip = TestRepos.commit(git, Map.of("src/app.py", "print('hi')"), "second").name();
        }
        Git.cloneRepository().setURI(work.toUri().toString()).setDirectory(served.resolve("origin.git").toFile())
                .setBare(true).call().close();
        hostKey = ecKeyPair();
        clientKey = ed25519KeyPair();
    }

    private RepoResolver resolver() {
        return new RepoResolver(tmp.resolve("workspace"), new SshSettings(tmp.resolve("home"), sshDir, CLONE_TIMEOUT));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void clones_an_ssh_url_with_the_users_key_and_known_hosts() throws Exception {
        try (LoopbackSshGitServer server = LoopbackSshGitServer.start(served, hostKey, clientKey.getPublic())) {
            writeIdentity("id_ed25519", clientKey);
            writeKnownHost("[127.0.0.1]:" + server.port(), hostKey);
            String url = "ssh://git@127.0.0.1:" + server.port() + "/origin.git";

            RepoInfo info = resolver().resolve(RepoSource.parse(url), null, null);

            assertThat(info.checkout()).isEqualTo(Checkout.CLONED);
            assertThat(info.commit()).isEqualTo(tip);
            assertThat(info.branch()).isEqualTo("trunk");
            assertThat(info.remoteUrl()).isEqualTo(url);
            assertThat(info.repoId()).isEqualTo(CanonicalIds.repoIdFromRemote(url));
            assertThat(info.name()).isEqualTo("origin");
            assertThat(info.repoPath().resolve("src/app.py")).hasContent("print('hi')");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void clones_an_scp_like_url_through_a_host_alias_of_the_ssh_config() throws Exception {
        try (LoopbackSshGitServer server = LoopbackSshGitServer.start(served, hostKey, clientKey.getPublic())) {
            Path key = writeIdentity("vulcan_test_key", clientKey);
            Files.writeString(sshDir.resolve("config"), "Host vulcan-test\n  HostName 127.0.0.1\n  Port "
                    + server.port() + "\n  IdentityFile " + key + "\n", StandardCharsets.UTF_8);
            writeKnownHost("[127.0.0.1]:" + server.port(), hostKey);

            RepoInfo info = resolver().resolve(RepoSource.parse("git@vulcan-test:origin.git"), null, null);

            assertThat(info.commit()).isEqualTo(tip);
            assertThat(info.branch()).isEqualTo("trunk");
            assertThat(info.repoPath().resolve("README.md")).hasContent("# over ssh");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void refuses_a_host_whose_key_is_not_in_known_hosts() throws Exception {
        try (LoopbackSshGitServer server = LoopbackSshGitServer.start(served, hostKey, clientKey.getPublic())) {
            writeIdentity("id_ed25519", clientKey);
            writeKnownHost("[127.0.0.1]:" + (server.port() == 1 ? 2 : server.port() - 1), hostKey);
            String url = "ssh://git@127.0.0.1:" + server.port() + "/origin.git";

            assertThatThrownBy(() -> resolver().resolve(RepoSource.parse(url), null, null))
                    .isInstanceOf(RepoResolutionException.class)
                    .hasMessageContaining("cannot clone " + url)
                    .hasMessageContaining("known_hosts");
            assertThat(sshDir.resolve("known_hosts")).content().doesNotContain("[127.0.0.1]:" + server.port() + " ");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void refuses_a_changed_host_key() throws Exception {
        try (LoopbackSshGitServer server = LoopbackSshGitServer.start(served, hostKey, clientKey.getPublic())) {
            writeIdentity("id_ed25519", clientKey);
            writeKnownHost("[127.0.0.1]:" + server.port(), ecKeyPair());
            String url = "ssh://git@127.0.0.1:" + server.port() + "/origin.git";

            assertThatThrownBy(() -> resolver().resolve(RepoSource.parse(url), null, null))
                    .isInstanceOf(RepoResolutionException.class)
                    .hasMessageContaining("cannot clone " + url);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fails_without_prompting_when_the_server_does_not_accept_the_users_key() throws Exception {
        try (LoopbackSshGitServer server = LoopbackSshGitServer.start(served, hostKey, clientKey.getPublic())) {
            writeIdentity("id_ed25519", ed25519KeyPair());
            writeKnownHost("[127.0.0.1]:" + server.port(), hostKey);
            String url = "ssh://git@127.0.0.1:" + server.port() + "/origin.git";

            assertThatThrownBy(() -> resolver().resolve(RepoSource.parse(url), null, null))
                    .isInstanceOf(RepoResolutionException.class)
                    .hasMessageContaining("cannot clone " + url)
                    .hasMessageContaining("no password or passphrase prompt");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void gives_up_on_a_server_that_accepts_the_connection_but_never_speaks() throws Exception {
        writeIdentity("id_ed25519", clientKey);
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            }, "silent-ssh-server");
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "ssh://git@127.0.0.1:" + silent.getLocalPort() + "/origin.git";

            assertThatThrownBy(() -> resolver().resolve(RepoSource.parse(url), null, null))
                    .isInstanceOf(RepoResolutionException.class)
                    .hasMessageContaining("cannot clone " + url)
                    .hasMessageContaining("timeout " + CLONE_TIMEOUT.toSeconds() + " s");
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    private Path writeIdentity(String fileName, KeyPair keyPair) throws IOException, GeneralSecurityException {
        Path file = sshDir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(file)) {
            new OpenSSHKeyPairResourceWriter().writePrivateKey(keyPair, "vulcan-test", null, out);
        }
        return file;
    }

    private void writeKnownHost(String hostPattern, KeyPair keyPair) throws IOException {
        Files.writeString(sshDir.resolve("known_hosts"),
                hostPattern + " " + PublicKeyEntry.toString(keyPair.getPublic()) + "\n", StandardCharsets.UTF_8);
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** An Ed25519 pair from sshd's security providers (Bouncy Castle), the key type most users have. */
    private static KeyPair ed25519KeyPair() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }
}
