// Every anp tag in Vue's GlobalComponents: vue-tsc checks the props given to it.
import type {} from 'anp-components/vue';
