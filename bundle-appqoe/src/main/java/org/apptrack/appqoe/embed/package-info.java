/** AppQoE for programs that run it without OSGi (the lab, tools), as the component runs it. */
package org.apptrack.appqoe.embed;
