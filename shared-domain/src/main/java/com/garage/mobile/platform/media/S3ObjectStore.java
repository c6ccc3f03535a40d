package com.garage.mobile.platform.media;

import com.garage.mobile.domain.media.MediaConfig;
import com.garage.mobile.domain.media.ObjectStore;
import com.garage.mobile.domain.media.UploadPart;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The object store through the AWS SDK v2 (the Quarkus Amazon S3 extension's clients, configured
 * by {@code quarkus.s3.*}): AWS S3, MinIO, Ceph or, locally and in tests, s3proxy.
 */
@ApplicationScoped
public class S3ObjectStore implements ObjectStore {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ObjectStore(S3Client s3, S3Presigner presigner, MediaConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = config.bucket();
    }

    @Override
    public String startMultipart(String key, String contentType) {
        return s3.createMultipartUpload(request -> request.bucket(bucket).key(key).contentType(contentType))
                .uploadId();
    }

    @Override
    public String uploadPart(String key, String multipartId, int number, Path part) {
        return s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(multipartId).partNumber(number),
                RequestBody.fromFile(part)).eTag();
    }

    @Override
    public String uploadPart(String key, String multipartId, int number, InputStream bytes, long length) {
        ContentStreamProvider once = new ContentStreamProvider() {
            private boolean given;

            @Override
            public InputStream newStream() {
                if (given) {
                    throw new IllegalStateException("a streamed part cannot be sent again");
                }
                given = true;
                return bytes;
            }
        };
        return s3.uploadPart(request -> request.bucket(bucket).key(key).uploadId(multipartId).partNumber(number)
                        .contentLength(length),
                RequestBody.fromContentProvider(once, length, "application/octet-stream")).eTag();
    }

    @Override
    public void completeMultipart(String key, String multipartId, List<UploadPart> parts) {
        List<CompletedPart> completed = parts.stream()
                .map(part -> CompletedPart.builder().partNumber(part.number()).eTag(part.etag()).build()).toList();
        s3.completeMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(multipartId)
                .multipartUpload(upload -> upload.parts(completed)));
    }

    @Override
    public void abortMultipart(String key, String multipartId) {
        try {
            s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(multipartId));
        } catch (NoSuchUploadException gone) {
            // Aborted or completed before: nothing left to drop.
        }
    }

    @Override
    public void put(String key, Path file, String contentType) {
        s3.putObject(request -> request.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    @Override
    public InputStream get(String key) {
        return s3.getObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(request -> request.bucket(bucket).key(key));
    }

    @Override
    public URI signedGet(String key, String contentType, Duration validFor) {
        return URI.create(presigner.presignGetObject(presign -> presign.signatureDuration(validFor)
                .getObjectRequest(request -> request.bucket(bucket).key(key).responseContentType(contentType)))
                .url().toString());
    }
}
