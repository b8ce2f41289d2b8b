package io.gongzhi.platform.files;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Small JPEGs of photos for lists and timelines, so that a grid worker's phone does not fetch
 * each full photo to show a thumbnail. Made from the picture {@link PhotoCheck} decodes anyway
 * (every n-th pixel of a JPEG or PNG: what the JDK decodes). A JPEG taken with the phone turned
 * is turned upright as its orientation says (the kept photo carries the orientation for the
 * browser to apply: {@link PhotoMetadata}).
 */
public final class Thumbnails {

    static final int SIDE = 320;

    private Thumbnails() {
    }

    /** Which pixels to read: every n-th, as few as still make a sharp thumbnail (decoding a 12-megapixel photo whole would take its full size in memory). */
    static int step(int width, int height) {
        return Math.max(1, Math.max(width, height) / (SIDE * 2));
    }

    /** The thumbnail of a picture read every {@link #step} pixels, shown as EXIF orientation {@code orientation} says; null if none could be written. */
    static byte[] of(BufferedImage read, int orientation) {
        try {
            return jpeg(upright(scaled(read), orientation));
        } catch (IOException | RuntimeException unwritable) {
            return null;
        }
    }

    private static BufferedImage scaled(BufferedImage source) {
        double factor = Math.min(1.0, (double) SIDE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
        int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
        var target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /** The picture as EXIF orientation {@code orientation} (1 to 8) says it is to be seen. */
    static BufferedImage upright(BufferedImage source, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return source;
        }
        int w = source.getWidth();
        int h = source.getHeight();
        boolean turned = orientation >= 5;
        var target = new BufferedImage(turned ? h : w, turned ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = source.getRGB(x, y);
                switch (orientation) {
                    case 2 -> target.setRGB(w - 1 - x, y, rgb);
                    case 3 -> target.setRGB(w - 1 - x, h - 1 - y, rgb);
                    case 4 -> target.setRGB(x, h - 1 - y, rgb);
                    case 5 -> target.setRGB(y, x, rgb);
                    case 6 -> target.setRGB(h - 1 - y, x, rgb);
                    case 7 -> target.setRGB(h - 1 - y, w - 1 - x, rgb);
                    default -> target.setRGB(y, w - 1 - x, rgb);
                }
            }
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        var out = new ByteArrayOutputStream();
        try (var stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
