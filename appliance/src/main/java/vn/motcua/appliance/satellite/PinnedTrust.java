package vn.motcua.appliance.satellite;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one certificate: the master's LAN certificate, named by its SHA-256 fingerprint in the satellite's
 * config. The master's certificate is its own (no CA signs an office's LAN address), so the fingerprint is what a
 * technician copies from it at setup; anything else on the LAN pretending to be the master is refused at the
 * handshake, before the token is sent. Host names are not checked: the pin is stronger than a name.
 */
final class PinnedTrust extends X509ExtendedTrustManager {
    private final String fingerprint;

    /** @param fingerprint 64 lower-case hex digits */
    PinnedTrust(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    /** A TLS context that trusts only the pinned certificate. */
    static SSLContext context(String fingerprint) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new PinnedTrust(fingerprint)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }

    /** Host name checks off for this client: the pin replaces them (the master is often reached by its address). */
    static SSLParameters parameters() {
        SSLParameters p = new SSLParameters();
        p.setEndpointIdentificationAlgorithm(null);
        return p;
    }

    static String fingerprintOf(X509Certificate c) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException("no SHA-256", e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the master sent no certificate");
        }
        chain[0].checkValidity();
        String got = fingerprintOf(chain[0]);
        if (!MessageDigest.isEqual(got.getBytes(), fingerprint.getBytes())) {
            throw new CertificateException("not the master's certificate (SHA-256 " + got + ")");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a satellite is never a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("a satellite is never a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("a satellite is never a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
