/** End-to-end and fault tests running the appliance as a real process. */
package vn.motcua.tests;
