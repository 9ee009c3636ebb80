package vn.motcua.appliance.web.voice;

import javax.sound.sampled.AudioFormat;

/** The two-tone "ding-dong" before each call (E5 then C5, decaying), synthesised so no sound file needs a licence. */
final class Chime {
    private Chime() {}

    static byte[] pcm(AudioFormat format) {
        int rate = (int) format.getSampleRate();
        double[][] notes = {{659.25, 0.45}, {523.25, 0.7}};
        int total = 0;
        for (double[] n : notes) {
            total += (int) (n[1] * rate);
        }
        byte[] out = new byte[total * 2];
        int i = 0;
        for (double[] n : notes) {
            int len = (int) (n[1] * rate);
            for (int k = 0; k < len; k++) {
                double t = (double) k / rate;
                double v = Math.sin(2 * Math.PI * n[0] * t) * Math.exp(-3.5 * t) * 0.5
                        + Math.sin(4 * Math.PI * n[0] * t) * Math.exp(-6 * t) * 0.1;
                short s = (short) Math.round(v * Short.MAX_VALUE);
                out[i++] = (byte) s;
                out[i++] = (byte) (s >> 8);
            }
        }
        return out;
    }
}
