package dev.vulcan.orchestrator.repo.internal;

import java.io.File;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.sshd.JGitKeyCache;
import org.eclipse.jgit.transport.sshd.SshdSession;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.util.FS;

/**
 * JGit's Apache MINA sshd session factory with a bound on opening a session: TCP connect, key exchange and
 * authentication together must finish within the timeout. JGit bounds the TCP connect and each read of the
 * transfer, but waits for authentication with sshd's own default (two minutes), so a server that accepts the
 * connection and then stays silent would hold a clone that long; here the waiting thread is interrupted at the
 * bound (sshd's futures wait interruptibly) and the clone fails with a message that says so.
 *
 * <p>No {@link CredentialsProvider} is ever given to sessions by the resolver, so nothing is asked: unknown host
 * keys are refused (JGit's strict fallback), passphrase-protected keys are skipped, password authentication fails.
 */
public final class BoundedSshSessionFactory extends SshdSessionFactory {

    private final Duration timeout;
    private final ScheduledExecutorService alarms = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "vulcan-ssh-session-alarm");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Creates the factory.
     *
     * @param homeDirectory the user's home ({@code ~} in the SSH config)
     * @param sshDirectory the folder of keys, {@code config} and {@code known_hosts}
     * @param timeout the bound on opening one session
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public BoundedSshSessionFactory(File homeDirectory, File sshDirectory, Duration timeout) {
        super(new JGitKeyCache(), null);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.timeout = timeout;
        setHomeDirectory(Objects.requireNonNull(homeDirectory, "homeDirectory"));
        setSshDirectory(Objects.requireNonNull(sshDirectory, "sshDirectory"));
    }

    /**
     * Opens a session as JGit does, interrupting the wait when it takes longer than the timeout.
     *
     * @throws TransportException if the session cannot be opened, or not in time (the message then says so)
     */
    @Override
    public SshdSession getSession(URIish uri, CredentialsProvider credentialsProvider, FS fs, int tms)
            throws TransportException {
        Alarm alarm = new Alarm(Thread.currentThread());
        ScheduledFuture<?> scheduled = alarms.schedule(alarm::ring, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return super.getSession(uri, credentialsProvider, fs, tms);
        } catch (TransportException e) {
            if (alarm.rang()) {
                throw new TransportException(uri, "no SSH session within " + timeout.toSeconds()
                        + " s (TCP connect, key exchange and authentication); the server did not answer in time", e);
            }
            throw e;
        } finally {
            scheduled.cancel(false);
            alarm.disarm();
        }
    }

    /** Stops the alarm thread, then closes as JGit's factory does. */
    @Override
    public void close() {
        alarms.shutdownNow();
        super.close();
    }

    /** Interrupts one waiting thread once, unless disarmed first; never leaves a stray interrupt behind. */
    private static final class Alarm {

        private final Thread waiter;
        private boolean armed = true;
        private boolean rang;

        Alarm(Thread waiter) {
            this.waiter = waiter;
        }

        synchronized void ring() {
            if (armed) {
                armed = false;
                rang = true;
                waiter.interrupt();
            }
        }

        synchronized boolean rang() {
            return rang;
        }

        synchronized void disarm() {
            armed = false;
            if (rang) {
                Thread.interrupted();
            }
        }
    }
}
