package org.yidan.platform;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;

/** The integration tests deploy the packaged WAR itself: what is tested is what a county deploys. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive packagedWar() {
        File war = new File(System.getProperty("yidan.war", "target/yidan.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("No packaged WAR at " + war + ": run the integration tests with mvn verify");
        }
        return ShrinkWrap.create(ZipImporter.class, "yidan.war").importFrom(war).as(WebArchive.class);
    }
}
