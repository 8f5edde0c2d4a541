package org.apptrack.testsupport.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apptrack.testsupport.files.TestFiles;
import org.apptrack.testsupport.prereq.Host;

/**
 * A throw-away PKI for TLS tests, generated with the {@code openssl} command line tool (Debian
 * package {@code openssl}, installed by {@code scripts/install-test-deps.sh}) into a temporary
 * directory that {@link #close()} deletes.
 *
 * <p>Contents (all keys are EC P-256, certificates valid for 365 days, PEM files unencrypted,
 * keys in PKCS#8 {@code BEGIN PRIVATE KEY} form):
 * <ul>
 *   <li>{@link #caCert()}/{@link #caKey()}: the test CA ({@code CN=AppTrack Test CA}).</li>
 *   <li>{@link #serverCert()}/{@link #serverKey()}: {@code CN=localhost}, subjectAltName
 *       {@code DNS:localhost, IP:127.0.0.1}, EKU serverAuth, signed by the CA. For rsyslog's TLS
 *       input ({@link org.apptrack.testsupport.rsyslog.Rsyslog.Builder#tls(TestPki)}).</li>
 *   <li>{@link #clientCert()}/{@link #clientKey()}: {@code CN=apptrack-client}, EKU clientAuth,
 *       signed by the CA (mutual TLS).</li>
 *   <li>{@link #trustStore()}: PKCS12 holding the CA certificate as a trusted entry
 *       (alias {@code apptrack-test-ca}).</li>
 *   <li>{@link #clientKeyStore()}: PKCS12 holding the client key with its chain
 *       (client certificate + CA, alias {@code client}), made by {@code openssl pkcs12 -export}.</li>
 *   <li>{@link #serverKeyStore()}: PKCS12 holding the server key with its chain (server
 *       certificate + CA, alias {@code server}), for a TLS server in Java (the distribution's HTTPS).</li>
 *   <li>{@link #wrongHostCaCert()}, {@link #wrongHostServerCert()}/{@link #wrongHostServerKey()},
 *       {@link #wrongHostTrustStore()}: a second, independent CA and a server certificate for
 *       {@code wrong-host.example} only (SAN {@code DNS:wrong-host.example}, no IP). A receiver
 *       using it and a client trusting {@link #wrongHostTrustStore()} and connecting to
 *       {@code localhost}/{@code 127.0.0.1} fail only because of hostname verification.</li>
 * </ul>
 * Both PKCS12 stores use {@link #password()} as store and key password.
 */
public final class TestPki implements AutoCloseable {

    /** Default store password of {@link #create()}. */
    public static final String DEFAULT_PASSWORD = "apptrack-test";

    private static final String STORE_TYPE = "PKCS12";

    private final Path dir;
    private final String password;
    private final boolean deleteOnClose;

    private TestPki(Path dir, String password, boolean deleteOnClose) {
        this.dir = dir;
        this.password = password;
        this.deleteOnClose = deleteOnClose;
    }

    /** Generates a PKI into a new temporary directory with {@link #DEFAULT_PASSWORD}. */
    public static TestPki create() throws IOException {
        return create(Files.createTempDirectory("apptrack-pki-"), DEFAULT_PASSWORD, true);
    }

    /**
     * Generates a PKI into {@code dir} (created if missing).
     *
     * @param deleteOnClose whether {@link #close()} deletes {@code dir}
     */
    public static TestPki create(Path dir, String password, boolean deleteOnClose) throws IOException {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
        Files.createDirectories(dir);
        TestPki pki = new TestPki(dir.toAbsolutePath(), password, deleteOnClose);
        try {
            pki.generate();
        } catch (IOException | RuntimeException e) {
            pki.close();
            throw e;
        }
        return pki;
    }

    /** Whether the {@code openssl} command is available. */
    public static boolean isOpensslInstalled() {
        return Host.commandRuns("openssl", "version");
    }

    public Path dir() { return dir; }
    public String password() { return password; }
    public char[] passwordChars() { return password.toCharArray(); }
    /** Always {@code "PKCS12"}. */
    public String storeType() { return STORE_TYPE; }

    public Path caCert() { return dir.resolve("ca.crt"); }
    public Path caKey() { return dir.resolve("ca.key"); }
    public Path serverCert() { return dir.resolve("server.crt"); }
    public Path serverKey() { return dir.resolve("server.key"); }
    public Path clientCert() { return dir.resolve("client.crt"); }
    public Path clientKey() { return dir.resolve("client.key"); }
    public Path trustStore() { return dir.resolve("truststore.p12"); }
    public Path clientKeyStore() { return dir.resolve("client.p12"); }
    public Path serverKeyStore() { return dir.resolve("server.p12"); }

    public Path wrongHostCaCert() { return dir.resolve("wrong-ca.crt"); }
    public Path wrongHostCaKey() { return dir.resolve("wrong-ca.key"); }
    public Path wrongHostServerCert() { return dir.resolve("wrong-host.crt"); }
    public Path wrongHostServerKey() { return dir.resolve("wrong-host.key"); }
    public Path wrongHostTrustStore() { return dir.resolve("wrong-truststore.p12"); }

    /** Client context trusting {@link #trustStore()}, without a client certificate. */
    public SSLContext clientContext() {
        return sslContext(trustStore(), null);
    }

    /** Client context trusting {@link #trustStore()} and presenting {@link #clientKeyStore()}. */
    public SSLContext mutualClientContext() {
        return sslContext(trustStore(), clientKeyStore());
    }

    /** Client context trusting only {@link #wrongHostTrustStore()} (the second CA). */
    public SSLContext wrongHostClientContext() {
        return sslContext(wrongHostTrustStore(), null);
    }

    /**
     * An SSLContext from PKCS12 files protected by {@link #password()}.
     *
     * @param keyStore may be null (no client certificate)
     */
    public SSLContext sslContext(Path trustStore, Path keyStore) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore));
            KeyManagerFactory kmf = null;
            if (keyStore != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore), passwordChars());
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build SSLContext from " + trustStore + " / " + keyStore, e);
        }
    }

    /** Loads one of this PKI's PKCS12 files. */
    public KeyStore load(Path store) {
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore ks = KeyStore.getInstance(STORE_TYPE);
            ks.load(in, passwordChars());
            return ks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load " + store, e);
        }
    }

    /** Deletes the directory if this PKI created it. */
    @Override
    public void close() {
        if (!deleteOnClose) {
            return;
        }
        TestFiles.deleteRecursively(dir);
    }

    @Override
    public String toString() {
        return "TestPki[" + dir + "]";
    }

    // ---------------------------------------------------------------------------------------------

    private void generate() throws IOException {
        ca("ca", "AppTrack Test CA");
        leaf("server", "localhost", "ca", "serverAuth", "DNS:localhost,IP:127.0.0.1", 2);
        leaf("client", "apptrack-client", "ca", "clientAuth", null, 3);
        ca("wrong-ca", "AppTrack Wrong-Host Test CA");
        leaf("wrong-host", "wrong-host.example", "wrong-ca", "serverAuth", "DNS:wrong-host.example", 4);

        trustStoreOf(caCert(), "apptrack-test-ca", trustStore());
        trustStoreOf(wrongHostCaCert(), "apptrack-wrong-host-ca", wrongHostTrustStore());

        keyStoreOf("client", clientKey(), clientCert(), clientKeyStore());
        keyStoreOf("server", serverKey(), serverCert(), serverKeyStore());
    }

    /** PKCS12 with one key entry and its chain up to the test CA, made by openssl. */
    private void keyStoreOf(String alias, Path key, Path cert, Path out) throws IOException {
        openssl("pkcs12", "-export", "-name", alias,
                "-inkey", key.toString(), "-in", cert.toString(),
                "-certfile", caCert().toString(),
                "-passout", "env:APPTRACK_PKI_PASSWORD", "-out", out.toString());
        // fail fast if the JDK cannot read what openssl wrote
        KeyStore ks = load(out);
        try {
            if (!ks.isKeyEntry(alias)) {
                throw new IllegalStateException(alias + " key entry missing in " + out);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void ca(String name, String cn) throws IOException {
        openssl("req", "-x509", "-new",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", dir.resolve(name + ".key").toString(),
                "-out", dir.resolve(name + ".crt").toString(),
                "-days", "365", "-subj", "/O=AppTrack tests/CN=" + cn,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-addext", "subjectKeyIdentifier=hash");
    }

    private void leaf(String name, String cn, String issuer, String eku, String san, int serial) throws IOException {
        Path key = dir.resolve(name + ".key");
        Path csr = dir.resolve(name + ".csr");
        Path ext = dir.resolve(name + ".ext");
        openssl("req", "-new",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/O=AppTrack tests/CN=" + cn);
        StringBuilder e = new StringBuilder()
                .append("basicConstraints=critical,CA:FALSE\n")
                .append("keyUsage=critical,digitalSignature\n")
                .append("extendedKeyUsage=").append(eku).append('\n')
                .append("subjectKeyIdentifier=hash\n")
                .append("authorityKeyIdentifier=keyid\n");
        if (san != null) {
            e.append("subjectAltName=").append(san).append('\n');
        }
        Files.writeString(ext, e.toString(), StandardCharsets.US_ASCII);
        openssl("x509", "-req", "-in", csr.toString(),
                "-CA", dir.resolve(issuer + ".crt").toString(),
                "-CAkey", dir.resolve(issuer + ".key").toString(),
                "-set_serial", Integer.toString(serial), "-days", "365",
                "-extfile", ext.toString(),
                "-out", dir.resolve(name + ".crt").toString());
        Files.delete(csr);
        Files.delete(ext);
    }

    /**
     * PKCS12 trust store written with the JDK: openssl 3.0 (Debian 12) cannot mark a certificate
     * as trusted for Java ({@code -jdktrust} needs openssl 3.2), so the JDK would ignore it.
     */
    private void trustStoreOf(Path cert, String alias, Path out) throws IOException {
        try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(cert));
             OutputStream os = Files.newOutputStream(out)) {
            X509Certificate x = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore ks = KeyStore.getInstance(STORE_TYPE);
            ks.load(null, null);
            ks.setCertificateEntry(alias, x);
            ks.store(os, passwordChars());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write trust store " + out, e);
        }
    }

    private void openssl(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("APPTRACK_PKI_PASSWORD", password);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("cannot run openssl (install it: scripts/install-test-deps.sh)", e);
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("openssl timed out: " + cmd);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + cmd, e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("openssl failed (exit " + p.exitValue() + "): " + cmd + "\n" + out);
        }
    }
}
