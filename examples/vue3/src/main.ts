import 'anp-components/define.js'; // registers every element
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
