/*
 * Copyright Outlay contributors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Licensed under the Apache License, Version 2.0 (the "License"); you may not use this file except in
 * compliance with the License. You may obtain a copy of the License in the LICENSE file of this module or at
 * http://www.apache.org/licenses/LICENSE-2.0. Unless required by applicable law or agreed to in writing,
 * software distributed under the License is distributed on an "AS IS" BASIS, WITHOUT WARRANTIES OR
 * CONDITIONS OF ANY KIND, either express or implied. See the License for the specific language governing
 * permissions and limitations under the License.
 */
package dev.outlay.connectors.parquet;

import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Page codecs without Hadoop: parquet-java's default factory instantiates Hadoop codecs (and a Hadoop
 * Configuration that needs Hadoop's XML stack). Billing exports use Snappy (AWS, Azure) or GZIP; anything else is
 * refused with the codec's name so the user knows what to re-export.
 */
public final class ParquetCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                byte[] in = bytes.toByteArray();
                return BytesInput.from(switch (codec) {
                    case SNAPPY -> Snappy.compress(in);
                    case GZIP -> gzip(in);
                    default -> in;
                });
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                byte[] in = bytes.toByteArray();
                byte[] out = switch (codec) {
                    case SNAPPY -> Snappy.uncompress(in);
                    case GZIP -> new GZIPInputStream(new ByteArrayInputStream(in)).readAllBytes();
                    default -> in;
                };
                if (out.length != uncompressedSize) {
                    throw new IOException("page decompresses to " + out.length + " bytes, its header says " + uncompressedSize);
                }
                return BytesInput.from(out);
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decompress(BytesInput.from(in), uncompressedSize).toByteArray());
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void check(CompressionCodecName codec) {
        if (codec != CompressionCodecName.UNCOMPRESSED && codec != CompressionCodecName.SNAPPY && codec != CompressionCodecName.GZIP) {
            throw new UnsupportedCodecException(codec.name());
        }
    }

    private static byte[] gzip(byte[] in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(in);
        }
        return out.toByteArray();
    }

    /** A page codec Outlay does not read. */
    public static final class UnsupportedCodecException extends RuntimeException {
        UnsupportedCodecException(String codec) {
            super("Parquet compression " + codec + " is not supported; export with SNAPPY, GZIP or no compression");
        }
    }
}
