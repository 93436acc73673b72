package org.strowger.sip.internal.sdp;

/** Renders a {@link SessionDescription} with CRLF line ends, in the line order RFC 4566 requires. */
final class SdpWriter {

    private static final String CRLF = "\r\n";

    private SdpWriter() {
    }

    static String write(SessionDescription description) {
        StringBuilder out = new StringBuilder(512);
        line(out, 'v', "0");
        line(out, 'o', description.origin().lineValue());
        line(out, 's', description.sessionName().isEmpty() ? "-" : description.sessionName());
        String sessionConnection = description.connectionAddress().orElse(null);
        if (sessionConnection != null) {
            line(out, 'c', SdpAddresses.networkAndType(sessionConnection));
        }
        line(out, 't', description.timing());
        for (String attribute : description.attributes()) {
            line(out, 'a', attribute);
        }
        for (MediaDescription media : description.media()) {
            writeMedia(out, media, sessionConnection);
        }
        return out.toString();
    }

    private static void writeMedia(StringBuilder out, MediaDescription media, String sessionConnection) {
        StringBuilder mLine = new StringBuilder(media.media()).append(' ').append(media.port());
        if (media.portCount() > 1) {
            mLine.append('/').append(media.portCount());
        }
        mLine.append(' ').append(media.protocol());
        for (String format : media.formats()) {
            mLine.append(' ').append(format);
        }
        line(out, 'm', mLine);
        String connection = media.connectionAddress().orElse(null);
        if (connection != null && !connection.equals(sessionConnection)) {
            line(out, 'c', SdpAddresses.networkAndType(connection));
        }
        for (PayloadFormat format : media.payloadFormats()) {
            String rtpmap = format.rtpmapValue();
            if (rtpmap != null) {
                line(out, 'a', "rtpmap:" + format.payloadType() + " " + rtpmap);
            }
            if (format.fmtp() != null) {
                line(out, 'a', "fmtp:" + format.payloadType() + " " + format.fmtp());
            }
        }
        media.ptime().ifPresent(ptime -> line(out, 'a', "ptime:" + ptime));
        line(out, 'a', media.direction().attribute());
        for (String attribute : media.attributes()) {
            line(out, 'a', attribute);
        }
    }

    private static void line(StringBuilder out, char type, CharSequence value) {
        out.append(type).append('=').append(value).append(CRLF);
    }
}
